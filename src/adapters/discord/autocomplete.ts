import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from "discord.js";
import type { BotBackend } from "../../delivery/index.js";
import { KNOWN_ZONES, ZONE_ALIASES } from "../../delivery/index.js";
import { DISCORD_LIMITS as L } from "./discord-limits.js";

const clamp = (text: string) =>
  text.length <= L.choiceName ? text : `${text.slice(0, L.choiceName - 1)}…`;

/** "est" -> "EST", "kyiv" -> "Kyiv": how the alias reads beside the zone it stands for. */
const aliasLabel = (typed: string) => {
  const t = typed.trim();
  return t.length <= 4 && !/\s/.test(t) && t.toLowerCase() !== "kyiv"
    ? t.toUpperCase()
    : t.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
};

const norm = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "_");
const cityOf = (zone: string) => norm(zone.slice(zone.lastIndexOf("/") + 1));

/**
 * Zones for what was typed, best first: an alias ("est", "kyiv", "kolkata"), then cities starting
 * with it ("new york"), then cities containing it, then any zone containing it; at most 25.
 */
export function timezoneChoices(typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const needle = norm(typed);
  const alias = ZONE_ALIASES[needle.replace(/_/g, " ")] ?? ZONE_ALIASES[needle];
  const ranked: string[][] = [alias !== undefined ? [alias] : [], [], [], []];
  for (const zone of KNOWN_ZONES) {
    const city = cityOf(zone);
    if (city.startsWith(needle)) ranked[1]!.push(zone);
    else if (city.includes(needle)) ranked[2]!.push(zone);
    else if (norm(zone).includes(needle)) ranked[3]!.push(zone);
  }
  const zones = [...new Set(ranked.flat())];
  return zones.slice(0, L.choices).map((z) => ({
    name: z === alias ? clamp(`${z} (${aliasLabel(typed)})`) : z,
    value: z,
  }));
}

export async function cardChoices(
  backend: BotBackend,
  typed: string,
): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  return (await backend.suggest(typed.trim(), L.choices))
    .slice(0, L.choices)
    .map(({ id, title }) => ({ name: clamp(`${id} · ${title}`), value: id }));
}

/** Choices for the option being typed; unknown options get none. */
export async function autocompleteChoices(
  interaction: AutocompleteInteraction,
  backend: BotBackend,
): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  if (focused.name === "timezone") return timezoneChoices(typed);
  if (focused.name === "id" && ["card", "source"].includes(interaction.commandName)) {
    return cardChoices(backend, typed);
  }
  return [];
}
