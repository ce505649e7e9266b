import {
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type InteractionEditReplyOptions,
  type RepliableInteraction,
} from "discord.js";
import type { BotBackend } from "../../delivery/index.js";
import type { Logger } from "../../lib/index.js";
import { escapeText, type DiscordMessage } from "./render-discord.js";

export interface CommandContext {
  backend: BotBackend;
  logger: Logger;
}

export interface ReplyMessage {
  content?: string;
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** A command's answer: messages to show, or one line the user can act on (shown only to them). */
export type CommandResult =
  { ok: true; message: ReplyMessage; followUps?: DiscordMessage[] } | { ok: false; error: string };

export const reply = (message: ReplyMessage, followUps?: DiscordMessage[]): CommandResult => ({
  ok: true,
  message,
  ...(followUps?.length ? { followUps } : {}),
});
export const refuse = (error: string): CommandResult => ({ ok: false, error });

const noPings = { parse: [] };

/** Replaces the whole deferred reply: content, embeds and buttons. */
export function editOptions(message: ReplyMessage): InteractionEditReplyOptions {
  return {
    content: message.content ?? "",
    embeds: message.embeds,
    components: message.components ?? [],
    allowedMentions: noPings,
  };
}

/** Shows a deferred command's result: edit the placeholder, then post any further parts. */
export async function deliverResult(
  interaction: RepliableInteraction,
  result: CommandResult,
): Promise<void> {
  if (!result.ok) return replyError(interaction, result.error);
  await interaction.editReply(editOptions(result.message));
  for (const part of result.followUps ?? []) {
    await interaction.followUp({
      ...(part.content === undefined ? {} : { content: part.content }),
      embeds: part.embeds,
      allowedMentions: noPings,
      ...(interaction.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    });
  }
}

/**
 * Tells only the user what went wrong. A public placeholder cannot turn ephemeral, so it is
 * deleted and the error follows up ephemerally; a paged message (button) is left as it was.
 */
export async function replyError(interaction: RepliableInteraction, text: string): Promise<void> {
  // An error may quote the user's input: bounded so it always fits Discord's 2000 characters.
  const escaped = escapeText(text);
  const content = `⚠️ ${escaped.length > 1900 ? `${escaped.slice(0, 1899)}…` : escaped}`;
  const ephemeral = { content, flags: MessageFlags.Ephemeral, allowedMentions: noPings } as const;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(ephemeral);
    return;
  }
  if (interaction.isMessageComponent()) {
    await interaction.followUp(ephemeral);
    return;
  }
  if (interaction.ephemeral) {
    await interaction.editReply({ content, embeds: [], components: [], allowedMentions: noPings });
    return;
  }
  await interaction.deleteReply();
  await interaction.followUp(ephemeral);
}
