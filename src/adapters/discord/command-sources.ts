import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from "discord.js";
import { describeSourceState, type SourceView } from "../../delivery/index.js";
import { escapeText } from "./render-discord.js";
import { refuse, reply, type CommandContext, type CommandResult } from "./interaction-reply.js";

const MAX_CONTENT = 2000;

const command = (name: string, description: string) =>
  new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild);

/** The source commands' definitions; `commandDefinitions` spreads them in. */
export const sourceCommandBuilders = [
  command("sources", "This channel's news sources and their state"),
  command("addsource", "Add a feed, a site with a feed, or one article page to this channel")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addStringOption((o) =>
      o.setName("url").setDescription("https://… link").setRequired(true).setMaxLength(2000),
    ),
  command("removesource", "Remove one of this channel's sources")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addStringOption((o) =>
      o.setName("source").setDescription("Number from /sources, or the URL").setRequired(true),
    ),
];

const chatOf = (i: ChatInputCommandInteraction) => ({
  platform: "discord" as const,
  chatId: i.channelId,
});

const sourceLine = (v: SourceView) =>
  `${v.n}. **${escapeText(v.title ?? v.url)}** (${v.kind}) — ${escapeText(describeSourceState(v))}\n<${v.url}>`;

/** Packs lines into one message, saying how many did not fit. */
function fit(lines: string[]): string {
  let out = "";
  for (const [i, line] of lines.entries()) {
    const more = `\n…and ${lines.length - i} more`;
    if (out.length + line.length + 2 + more.length > MAX_CONTENT) return out + more;
    out += (out ? "\n\n" : "") + line;
  }
  return out;
}

const mayManage = (i: ChatInputCommandInteraction) =>
  i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
const needsPermission = () =>
  refuse("You need the Manage Channels permission to change this channel's sources.");

async function runSources(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  if (!i.inGuild()) return refuse("Sources belong to server channels; run this in a server.");
  const { own, sources } = await backend.sources(chatOf(i));
  if (sources.length === 0) return refuse("No sources yet. Add one with /addsource.");
  const head = own
    ? "**This channel's sources**"
    : "**Default sources** (this channel has none of its own; /addsource adds one)";
  return reply({ content: fit([head, ...sources.map(sourceLine)]), embeds: [] });
}

async function runAddSource(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  if (!i.inGuild()) return refuse("Sources belong to server channels; run this in a server.");
  if (!mayManage(i)) return needsPermission();
  const result = await backend.addSource(chatOf(i), i.options.getString("url", true).trim());
  if (!result.ok) return refuse(`Can't add that source: ${result.error}.`);
  const lead = result.alreadyAdded ? "Already a source of this channel" : "Added";
  const note = result.firstOwn
    ? "\nFrom now on this channel's digests come from its own sources; current items count as already seen."
    : "";
  return reply({ content: `${lead}: ${sourceLine(result.source)}${note}`, embeds: [] });
}

async function runRemoveSource(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  if (!i.inGuild()) return refuse("Sources belong to server channels; run this in a server.");
  if (!mayManage(i)) return needsPermission();
  const result = await backend.removeSource(chatOf(i), i.options.getString("source", true));
  if (!result.ok) return refuse(`Can't remove: ${result.error}.`);
  return reply({
    content: `Removed: **${escapeText(result.removed.title ?? result.removed.url)}**`,
    embeds: [],
  });
}

/** Spread into the interaction handler's command table; answers only the caller. */
export const SOURCE_COMMANDS = {
  sources: { ephemeral: true, run: runSources },
  addsource: { ephemeral: true, run: runAddSource },
  removesource: { ephemeral: true, run: runRemoveSource },
};
