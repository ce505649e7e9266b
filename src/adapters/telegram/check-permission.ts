import { GrammyError, type Context } from "grammy";
import type { ChatMember } from "grammy/types";
import { escapeHtml } from "./escape-html.js";

/** The sender Telegram shows when a group admin posts anonymously ("GroupAnonymousBot"). */
export const ANONYMOUS_ADMIN_ID = 1087968824;

export type Permission = { ok: true } | { ok: false; reason: string };
export type ChannelCheck =
  { ok: true; chatId: number; title: string } | { ok: false; reason: string };

const isAdmin = (m: ChatMember) => m.status === "creator" || m.status === "administrator";

/** Private chats: the user. Groups: chat admins, including an anonymous admin of this very group. */
export async function canManageChat(ctx: Context): Promise<Permission> {
  const chat = ctx.chat;
  const from = ctx.from;
  if (chat?.type === "private") return { ok: true };
  if (!chat || !from || (chat.type !== "group" && chat.type !== "supergroup")) {
    return {
      ok: false,
      reason: "Subscriptions can be managed from private chats and groups only.",
    };
  }
  const refusal = {
    ok: false,
    reason: "Only admins of this group can manage its subscriptions.",
  } as const;
  if (from.id === ANONYMOUS_ADMIN_ID) {
    // Anyone can post "as" GroupAnonymousBot only through the group itself; any other sender_chat is not an admin.
    return ctx.msg?.sender_chat?.id === chat.id ? { ok: true } : refusal;
  }
  const member = await ctx.api.getChatMember(chat.id, from.id);
  return isAdmin(member) ? { ok: true } : refusal;
}

const notFound = (error: unknown) => error instanceof GrammyError && error.error_code === 400;

/**
 * A channel the user administers. With `botMustPost`, the bot must be an admin allowed to post
 * there (for /subscribe; not for listing or removing, so a lost right never blocks cleanup).
 */
export async function checkChannel(
  ctx: Context,
  ref: string,
  botMustPost: boolean,
): Promise<ChannelCheck> {
  const api = ctx.api;
  const userId = ctx.from?.id ?? ANONYMOUS_ADMIN_ID;
  const name = escapeHtml(ref);
  if (userId === ANONYMOUS_ADMIN_ID) {
    return {
      ok: false,
      reason: `Send this from your own account, not anonymously, so I can check you administer ${name}.`,
    };
  }
  const needAdmin = `I can't see the admins of ${name}. Add me to the channel as an administrator who can post messages.`;
  let chat;
  try {
    chat = await api.getChat(ref);
  } catch (error) {
    if (notFound(error)) return { ok: false, reason: needAdmin };
    throw error;
  }
  if (chat.type !== "channel") return { ok: false, reason: `${name} is not a channel.` };
  let member: ChatMember;
  try {
    member = await api.getChatMember(chat.id, userId);
  } catch (error) {
    if (notFound(error)) return { ok: false, reason: needAdmin };
    throw error;
  }
  if (!isAdmin(member))
    return { ok: false, reason: `Only administrators of ${name} can manage its subscriptions.` };
  if (botMustPost) {
    const me = await api.getChatMember(chat.id, ctx.me.id);
    if (!(me.status === "administrator" && me.can_post_messages === true)) {
      return {
        ok: false,
        reason: `I can't post in ${name}: make me an administrator with the "Post messages" right.`,
      };
    }
  }
  return { ok: true, chatId: chat.id, title: chat.title };
}
