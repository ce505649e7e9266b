import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from "discord.js";
import type { BotBackend } from "../../delivery/index.js";
import { DISCORD_LIMITS as L } from "./discord-limits.js";

const ZONES: readonly string[] = (() => {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
})();

const clamp = (text: string) =>
  text.length <= L.choiceName ? text : `${text.slice(0, L.choiceName - 1)}…`;

/** Zones containing what was typed, those starting with it first; at most 25 as Discord allows. */
export function timezoneChoices(typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const needle = typed.trim().toLowerCase();
  const matches = ZONES.filter((z) => z.toLowerCase().includes(needle));
  const starts = matches.filter((z) => z.toLowerCase().startsWith(needle));
  const rest = matches.filter((z) => !z.toLowerCase().startsWith(needle));
  return [...starts, ...rest].slice(0, L.choices).map((z) => ({ name: z, value: z }));
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
