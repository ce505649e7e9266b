import { Composer, type Context } from "grammy";
import type { BotBackend } from "../../delivery/index.js";
import { chatLanguage } from "./chat-language.js";
import { escapeHtml, echoHtml } from "./escape-html.js";
import { USAGE } from "./parse-command-args.js";
import { describeSubscription } from "./render-replies.js";
import { renderTelegram } from "./render-telegram.js";
import { replyHtml } from "./reply-html.js";
import { resolveTarget } from "./subscription-commands.js";

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);
const chatOf = (ctx: Context) => ({ platform: "telegram" as const, chatId: String(ctx.chat?.id) });

/** /digest [ID]: the next digest now; /format ID FORMAT: how a subscription shows its cards. */
export function digestCommands(backend: BotBackend): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command("digest", async (ctx) => {
    const args = words(ctx.match);
    if (args.length > 1) return void (await replyHtml(ctx, escapeHtml(USAGE.digest)));
    const result = await backend.digestNow(chatOf(ctx), args[0]);
    if (!result.ok) {
      const answer =
        result.reason === "too_soon"
          ? `One digest a minute, please: try again in ${result.retryInSeconds} s.`
          : result.reason === "not_found"
            ? `This chat has no subscription <code>${echoHtml(args[0] ?? "")}</code>. See /subscriptions.`
            : "This chat has no digest yet. Set one up with /subscribe, e.g. <code>/subscribe 0 8 * * * UTC 5</code>";
      return void (await replyHtml(ctx, answer));
    }
    const { subscription, slot, cards } = result;
    if (cards.length === 0) {
      return void (await replyHtml(
        ctx,
        `Nothing new for <code>${escapeHtml(subscription.id)}</code> yet: its next digest has no stories so far.`,
      ));
    }
    const messages = renderTelegram(cards, {
      subscription,
      slot,
      format: subscription.format,
      early: true,
    });
    for (const message of messages) await replyHtml(ctx, message.html);
  });

  composer.command("format", async (ctx) => {
    const args = words(ctx.match);
    if (args.length !== 2) return void (await replyHtml(ctx, escapeHtml(USAGE.format)));
    const { t } = await chatLanguage(ctx, backend);
    const where = await resolveTarget(ctx, undefined, { admin: true, botMustPost: false }, t);
    if (!where.ok) return void (await replyHtml(ctx, where.reason));
    const result = await backend.setFormat(chatOf(ctx), args[0]!, args[1]!);
    if (!result.ok) {
      return void (await replyHtml(
        ctx,
        escapeHtml(`Can't change the format: ${result.error}. ${USAGE.format}`),
      ));
    }
    await replyHtml(ctx, `Format changed: ${describeSubscription(result.subscription, t)}`);
  });

  return composer;
}

/** Menu entries (setMyCommands) for the digest commands. */
export const DIGEST_BOT_COMMANDS = [
  { command: "digest", description: "This chat's next digest, now" },
  { command: "format", description: "Full cards, brief or headlines for a subscription" },
];

/** /help lines; the /format example uses one of the chat's subscriptions so it works when copied. */
export function digestHelpLines(subscriptionId?: string): string[] {
  const example =
    subscriptionId === undefined
      ? " (ID from /subscriptions)"
      : ` Example: <code>/format ${escapeHtml(subscriptionId)} brief</code>`;
  return [
    "/digest [ID] — this chat's next digest right now (or subscription ID's), once a minute. The scheduled digest still comes complete. Example: <code>/digest</code>",
    `/format ID full|brief|headlines — how a subscription shows its stories: whole cards, headline and summary, or headlines with links.${example}`,
  ];
}
