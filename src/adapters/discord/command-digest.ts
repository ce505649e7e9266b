import type { ChatInputCommandInteraction } from "discord.js";
import type { DigestNowResult } from "../../delivery/index.js";
import { mayManage, serverChatIds } from "./command-subscriptions.js";
import { clipInput } from "./echo-text.js";
import { refuse, reply, type CommandContext, type CommandResult } from "./interaction-reply.js";
import { escapeText, renderDiscord } from "./render-discord.js";
import { describeSubscription } from "./render-replies.js";

const platform = "discord" as const;

/**
 * /digest [id]: the next digest of this channel (or digest `id`, wherever in this server it
 * posts) shown here now; nothing is marked as sent, so the scheduled one still comes complete.
 */
export async function runDigest(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  if (!i.inGuild()) return refuse("Digests live in server channels; run this in a server.");
  const id = i.options.getString("id")?.trim() || undefined;
  let result: DigestNowResult = { ok: false, reason: "no_subscription" };
  for (const chatId of id === undefined ? [i.channelId] : serverChatIds(i)) {
    result = await backend.digestNow({ platform, chatId }, id);
    if (result.ok || result.reason === "too_soon") break;
  }
  if (!result.ok) {
    if (result.reason === "too_soon") {
      return refuse(`One digest a minute, please: try again in ${result.retryInSeconds} s.`);
    }
    return refuse(
      id === undefined
        ? "This channel has no digest yet. Set one up with /subscribe."
        : `No digest "${clipInput(id)}" in this server. See /subscriptions.`,
    );
  }
  const { subscription, slot, cards } = result;
  if (cards.length === 0) {
    return reply({
      content: `Nothing new for **${escapeText(subscription.id)}** yet: its next digest has no stories so far.`,
      embeds: [],
    });
  }
  const [first, ...rest] = renderDiscord(cards, {
    subscription,
    slot,
    format: subscription.format,
    early: true,
  });
  return reply(
    {
      ...(first?.content === undefined ? {} : { content: first.content }),
      embeds: first?.embeds ?? [],
    },
    rest,
  );
}

/** /format id format: how one digest of this server shows its stories. */
export async function runFormat(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  if (!i.inGuild()) return refuse("Digests can only be managed in a server channel.");
  if (!mayManage(i)) {
    return refuse("You need the Manage Channels permission to manage digests in this server.");
  }
  const id = i.options.getString("id", true).trim();
  const format = i.options.getString("format", true);
  let error = `No digest "${clipInput(id)}" in this server. See /subscriptions.`;
  for (const chatId of serverChatIds(i)) {
    const result = await backend.setFormat({ platform, chatId }, id, format);
    if (result.ok) {
      return reply({
        content: `Format changed: ${describeSubscription(result.subscription)}`,
        embeds: [],
      });
    }
    if (!/no such subscription/.test(result.error)) error = result.error;
  }
  return refuse(error);
}
