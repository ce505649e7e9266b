import { Composer, type Context } from "grammy";
import type { BotBackend } from "../../delivery/index.js";
import { parseDigestFormat } from "../../delivery/index.js";
import type { DeliveryTarget } from "../../model/index.js";
import { canManageChat, checkChannel } from "./check-permission.js";
import { echoHtml, escapeHtml } from "./escape-html.js";
import { parseChatAndId, parseSubscribeArgs, USAGE } from "./parse-command-args.js";
import { describeSubscription, renderSubscriptionsHtml } from "./render-replies.js";
import { replyHtml } from "./reply-html.js";

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export const FORMAT_ERROR =
  "the format is full (cards), brief (headline and summary) or headlines (headlines with links), e.g. format:brief";

const SUBSCRIBE_EXAMPLE = "/subscribe 0 8 * * * Asia/Almaty 5";

type Resolved = { ok: true; target: DeliveryTarget; name: string } | { ok: false; reason: string };

interface Needs {
  /** Only admins may change a group's or channel's subscriptions; anyone may list them. */
  admin: boolean;
  botMustPost: boolean;
}

/** The chat a command is about: a channel named in it, or this chat (and forum topic). */
export async function resolveTarget(
  ctx: Context,
  channel: string | undefined,
  needs: Needs,
): Promise<Resolved> {
  if (channel !== undefined) {
    const check = await checkChannel(ctx, channel, needs.botMustPost);
    if (!check.ok) return check;
    return {
      ok: true,
      target: { platform: "telegram", chatId: String(check.chatId), threadId: null },
      name: channel,
    };
  }
  if (needs.admin) {
    const permission = await canManageChat(ctx);
    if (!permission.ok) return permission;
  }
  const msg = ctx.msg;
  const threadId =
    msg?.is_topic_message && msg.message_thread_id !== undefined
      ? String(msg.message_thread_id)
      : null;
  return {
    ok: true,
    target: { platform: "telegram", chatId: String(ctx.chat?.id), threadId },
    name: ctx.chat?.type === "private" ? "This chat" : "This group",
  };
}

/** /subscribe, /unsubscribe, /subscriptions; validation of cron and time zone is the backend's. */
export function subscriptionCommands(backend: BotBackend): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command("subscribe", async (ctx) => {
    const args = parseSubscribeArgs(ctx.match);
    if (!args.ok) return void (await replyHtml(ctx, escapeHtml(args.error)));
    const format =
      args.value.format === undefined ? undefined : parseDigestFormat(args.value.format);
    if (args.value.format !== undefined && format === undefined) {
      return void (await replyHtml(ctx, escapeHtml(`Can't subscribe: ${FORMAT_ERROR}`)));
    }
    const where = await resolveTarget(ctx, args.value.channel, { admin: true, botMustPost: true });
    if (!where.ok) return void (await replyHtml(ctx, where.reason));
    const result = await backend.subscribe({
      target: where.target,
      cron: args.value.cron,
      createdBy: `telegram:${ctx.from?.id ?? "unknown"}`,
      ...(args.value.timezone !== undefined ? { timezone: args.value.timezone } : {}),
      ...(args.value.count !== undefined ? { count: args.value.count } : {}),
      include: args.value.include,
      exclude: args.value.exclude,
      ...(format !== undefined ? { format } : {}),
      sources: args.value.sources,
    });
    if (!result.ok) {
      // The reason may quote the user's input (a pasted cron): bounded so the reply always fits.
      const reason = clip(result.error.replace(/\.$/, ""), 600);
      return void (await replyHtml(
        ctx,
        escapeHtml(`Can't subscribe: ${reason}. Example: ${SUBSCRIBE_EXAMPLE}`),
      ));
    }
    const sub = result.subscription;
    const into = args.value.channel !== undefined ? ` for ${escapeHtml(args.value.channel)}` : "";
    await replyHtml(
      ctx,
      `Subscribed${into}: ${describeSubscription(sub)}. Remove it with <code>/unsubscribe ${escapeHtml(sub.id)}</code>`,
    );
  });

  composer.command("unsubscribe", async (ctx) => {
    const args = parseChatAndId(ctx.match, USAGE.unsubscribe);
    if (!args.ok) return void (await replyHtml(ctx, escapeHtml(args.error)));
    const where = await resolveTarget(ctx, args.value.channel, { admin: true, botMustPost: false });
    if (!where.ok) return void (await replyHtml(ctx, where.reason));
    const removed = await backend.unsubscribe(
      { platform: "telegram", chatId: where.target.chatId },
      args.value.id,
    );
    if (removed.length === 0) {
      const what =
        args.value.id !== undefined
          ? `no subscription <code>${echoHtml(args.value.id)}</code>`
          : "no subscriptions";
      return void (await replyHtml(
        ctx,
        `${escapeHtml(where.name)} has ${what}. See /subscriptions.`,
      ));
    }
    const ids = removed.map((s) => `<code>${escapeHtml(s.id)}</code>`).join(", ");
    await replyHtml(ctx, `Unsubscribed: ${ids}.`);
  });

  composer.command("subscriptions", async (ctx) => {
    const args = parseChatAndId(ctx.match, "Usage: /subscriptions [@channel]");
    if (!args.ok || args.value.id !== undefined) {
      return void (await replyHtml(ctx, "Usage: /subscriptions [@channel], e.g. /subscriptions"));
    }
    const where = await resolveTarget(ctx, args.value.channel, {
      admin: false,
      botMustPost: false,
    });
    if (!where.ok) return void (await replyHtml(ctx, where.reason));
    const subs = await backend.subscriptions({ platform: "telegram", chatId: where.target.chatId });
    await replyHtml(ctx, renderSubscriptionsHtml(subs, where.name));
  });

  return composer;
}
