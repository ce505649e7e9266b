import { Composer, type Context } from "grammy";
import type { BotBackend } from "../../delivery/index.js";
import type { Translate } from "../../i18n/index.js";
import type { DeliveryTarget, Subscription } from "../../model/index.js";
import { formatWhen } from "../../i18n/index.js";
import { chatLanguage } from "./chat-language.js";
import { parseDigestFormat } from "../../delivery/index.js";
import { canManageChat, checkChannel } from "./check-permission.js";
import { translateHtml } from "./translate-html.js";
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
  t: Translate,
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
    name: t(ctx.chat?.type === "private" ? "chat-private" : "chat-group"),
  };
}

/** /subscribe, /unsubscribe, /subscriptions; validation of cron and time zone is the backend's. */
export function subscriptionCommands(backend: BotBackend): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command("subscribe", async (ctx) => {
    const { t } = await chatLanguage(ctx, backend);
    const args = parseSubscribeArgs(ctx.match);
    if (!args.ok) return void (await replyHtml(ctx, escapeHtml(args.error)));
    const format =
      args.value.format === undefined ? undefined : parseDigestFormat(args.value.format);
    if (args.value.format !== undefined && format === undefined) {
      return void (await replyHtml(ctx, escapeHtml(`Can't subscribe: ${FORMAT_ERROR}`)));
    }

    const where = await resolveTarget(
      ctx,
      args.value.channel,
      { admin: true, botMustPost: true },
      t,
    );
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
        escapeHtml(t("subscribe-failed", { reason, example: SUBSCRIBE_EXAMPLE })),
      ));
    }
    const sub = result.subscription;
    const into =
      args.value.channel !== undefined
        ? ` ${t("for-channel", { channel: args.value.channel })}`
        : "";
    const subscribed = translateHtml(
      t,
      "subscribed",
      { into },
      { what: describeSubscription(sub, t) },
    );
    const hint = translateHtml(
      t,
      "unsubscribe-hint",
      {},
      {
        command: `<code>/unsubscribe ${escapeHtml(sub.id)}</code>`,
      },
    );
    await replyHtml(ctx, `${subscribed} ${hint}`);
  });

  composer.command("unsubscribe", async (ctx) => {
    const { t } = await chatLanguage(ctx, backend);
    const args = parseChatAndId(ctx.match, USAGE.unsubscribe);
    if (!args.ok) return void (await replyHtml(ctx, escapeHtml(args.error)));
    const where = await resolveTarget(
      ctx,
      args.value.channel,
      { admin: true, botMustPost: false },
      t,
    );
    if (!where.ok) return void (await replyHtml(ctx, where.reason));
    const removed = await backend.unsubscribe(
      { platform: "telegram", chatId: where.target.chatId },
      args.value.id,
    );
    if (removed.length === 0) {
      const reply =
        args.value.id !== undefined
          ? translateHtml(
              t,
              "unsubscribe-none-id",
              { chat: where.name },
              { id: `<code>${echoHtml(args.value.id)}</code>` },
            )
          : translateHtml(t, "unsubscribe-none", { chat: where.name });
      return void (await replyHtml(ctx, reply));
    }
    const ids = removed.map((s) => `<code>${escapeHtml(s.id)}</code>`).join(", ");
    await replyHtml(ctx, translateHtml(t, "unsubscribed", {}, { ids }));
  });

  composer.command("subscriptions", async (ctx) => {
    const args = parseChatAndId(ctx.match, "Usage: /subscriptions [@channel]");
    if (!args.ok || args.value.id !== undefined) {
      return void (await replyHtml(ctx, "Usage: /subscriptions [@channel], e.g. /subscriptions"));
    }
    const { t, language, settings } = await chatLanguage(ctx, backend);
    const where = await resolveTarget(
      ctx,
      args.value.channel,
      { admin: false, botMustPost: false },
      t,
    );
    if (!where.ok) return void (await replyHtml(ctx, where.reason));
    const subs = await backend.subscriptions({ platform: "telegram", chatId: where.target.chatId });
    // Shown in this chat's zone (a channel's digests too: the reader is here).
    const nextRun = (sub: Subscription) => {
      const at = backend.nextRun(sub);
      return at === null ? undefined : formatWhen(at, settings?.timezone ?? sub.timezone, language);
    };
    await replyHtml(ctx, renderSubscriptionsHtml(subs, where.name, { t, nextRun }));
  });

  return composer;
}
