import { PermissionFlagsBits, type ChatInputCommandInteraction } from "discord.js";
import { formatWhen, type Translate } from "../../i18n/index.js";
import type { Subscription } from "../../model/index.js";
import { parseDigestFormat } from "../../delivery/index.js";
import { parseTerms } from "../../queries/index.js";
import { missingPostPermissions } from "./check-post-permissions.js";
import { DIGEST_CHANNEL_TYPES } from "./command-definitions.js";
import { clipInput } from "./echo-text.js";
import { refuse, reply, type CommandContext, type CommandResult } from "./interaction-reply.js";
import { renderSubscribed, renderSubscriptions, renderUnsubscribed } from "./render-replies.js";
import { replyLanguage } from "./reply-language.js";

const platform = "discord" as const;

/**
 * Checked again at run time: server admins can override a command's default permissions,
 * so `default_member_permissions` alone does not guarantee the caller may manage digests.
 */
export function mayManage(i: ChatInputCommandInteraction): boolean {
  return i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
}

const needsPermission = (t: Translate) => refuse(t("discord-needs-manage"));

/** Channels (and cached threads) of this server a digest may target; the current one included. */
export function serverChatIds(i: ChatInputCommandInteraction): string[] {
  const ids = new Set<string>(i.channelId ? [i.channelId] : []);
  for (const channel of i.guild?.channels.cache.values() ?? []) {
    if (channel.isTextBased()) ids.add(channel.id);
  }
  return [...ids];
}

/**
 * An include/exclude option as keywords: words and `"quoted phrases"`, commas allowed, a leading
 * + or - dropped (people type `+budget` as they would on Telegram).
 */
function keywordOption(
  raw: string | null,
): { ok: true; keywords: string[] } | { ok: false; error: string } {
  const text = (raw ?? "").replace(/,/g, " ");
  const terms = parseTerms(text);
  if (text.trim() !== "" && terms.length === 0) {
    return {
      ok: false,
      error: `"${clipInput(text)}" has no word to match; e.g. budget or "central bank"`,
    };
  }
  return { ok: true, keywords: terms.map((t) => (t.words.length > 1 ? `"${t.text}"` : t.text)) };
}

/**
 * Target: `chatId` is the channel or thread the digest is posted to (threads are channels on
 * Discord), `threadId` stays null.
 */
export async function runSubscribe(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  if (!i.inGuild()) return refuse("Digests can only be set up in a server channel.");
  const t = await replyLanguage(i, backend);
  if (!mayManage(i)) return needsPermission(t);
  const include = keywordOption(i.options.getString("include"));
  const exclude = keywordOption(i.options.getString("exclude"));
  if (!include.ok) return refuse(include.error);
  if (!exclude.ok) return refuse(exclude.error);
  const channel = i.options.getChannel("channel", true, [...DIGEST_CHANNEL_TYPES]);
  const missing = await missingPostPermissions(i, channel.id);
  if (missing.length > 0) {
    return refuse(
      `I can't post digests in <#${channel.id}>: I'm missing ${missing.join(", ")} there. Give me (or my role) those permissions in the channel's settings, then subscribe again.`,
    );
  }
  const timezone = i.options.getString("timezone")?.trim();
  const count = i.options.getInteger("count");
  const format = parseDigestFormat(i.options.getString("format") ?? "full");
  const sources = i.options.getString("sources")?.trim();
  const result = await backend.subscribe({
    target: { platform, chatId: channel.id, threadId: null },
    cron: i.options.getString("cron", true).trim(),
    createdBy: i.user.id,
    ...(timezone ? { timezone } : {}),
    ...(count === null ? {} : { count }),
    include: include.keywords,
    exclude: exclude.keywords,
    ...(format === undefined ? {} : { format }),
    ...(sources ? { sources: [sources] } : {}),
  });
  if (!result.ok) return refuse(result.error);
  return reply({ content: renderSubscribed(result.subscription, t), embeds: [] });
}

/** With an id: that digest, wherever in this server it posts. Without: every digest of this channel. */
export async function runUnsubscribe(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  if (!i.inGuild()) return refuse("Digests can only be managed in a server channel.");
  const t = await replyLanguage(i, backend);
  if (!mayManage(i)) return needsPermission(t);
  const id = i.options.getString("id")?.trim();
  let removed: Subscription[] = [];
  if (id) {
    for (const chatId of serverChatIds(i)) {
      removed = await backend.unsubscribe({ platform, chatId }, id);
      if (removed.length > 0) break;
    }
    if (removed.length === 0)
      return refuse(`No digest "${clipInput(id)}" in this server. See /subscriptions.`);
  } else {
    removed = await backend.unsubscribe({ platform, chatId: i.channelId });
    if (removed.length === 0) {
      return refuse("This channel has no digests. Give an id to remove one posting elsewhere.");
    }
  }
  return reply({ content: renderUnsubscribed(removed, t), embeds: [] });
}

export async function runSubscriptions(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  if (!i.inGuild()) return refuse("Digests live in server channels; run this in a server.");
  const subs = [];
  for (const chatId of serverChatIds(i))
    subs.push(...(await backend.subscriptions({ platform, chatId })));
  // Next runs in the zone of the channel the list is asked in (the reader's), else the digest's.
  const here = await backend.chatSettings({ platform, chatId: i.channelId });
  const nextRun = (s: Subscription) => {
    const at = backend.nextRun(s);
    return at === null ? undefined : formatWhen(at, here?.timezone ?? s.timezone);
  };
  return reply({ embeds: [renderSubscriptions(subs, nextRun, await replyLanguage(i, backend))] });
}
