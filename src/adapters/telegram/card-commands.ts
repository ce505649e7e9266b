import { Composer, type Context } from "grammy";
import type { BotBackend } from "../../delivery/index.js";
import { escapeHtml } from "./escape-html.js";
import { HELP_HTML, START_HTML } from "./help-text.js";
import { PAGE_CALLBACK, sendLatest, turnPage } from "./latest-pager.js";
import { parseLatestArgs, parseOneWord, USAGE } from "./parse-command-args.js";
import { renderSourceHtml } from "./render-replies.js";
import { renderTelegram } from "./render-telegram.js";
import { replyHtml } from "./reply-html.js";
import { TELEGRAM_DEFAULTS } from "./telegram-defaults.js";

const noCard = (id: string) =>
  `No card with ID <code>${escapeHtml(id)}</code>. Use an ID (at least 4 characters) shown under a card, e.g. from /latest.`;

/** Reading commands: /start, /help, /latest with paging, /card, /source, /search. */
export function cardCommands(backend: BotBackend): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command("start", (ctx) => replyHtml(ctx, START_HTML));
  composer.command("help", (ctx) => replyHtml(ctx, HELP_HTML));

  composer.command("latest", async (ctx) => {
    const n = parseLatestArgs(ctx.match);
    if (!n.ok) return void (await replyHtml(ctx, escapeHtml(n.error)));
    await sendLatest(ctx, backend, n.value);
  });
  composer.callbackQuery(PAGE_CALLBACK, (ctx) => turnPage(ctx, backend));

  composer.command("card", async (ctx) => {
    const id = parseOneWord(ctx.match, USAGE.card);
    if (!id.ok) return void (await replyHtml(ctx, escapeHtml(id.error)));
    const card = await backend.card(id.value);
    if (!card) return void (await replyHtml(ctx, noCard(id.value)));
    for (const message of renderTelegram([card])) await replyHtml(ctx, message.html);
  });

  composer.command("source", async (ctx) => {
    const id = parseOneWord(ctx.match, USAGE.source);
    if (!id.ok) return void (await replyHtml(ctx, escapeHtml(id.error)));
    const card = await backend.card(id.value);
    if (!card) return void (await replyHtml(ctx, noCard(id.value)));
    for (const html of renderSourceHtml(card)) await replyHtml(ctx, html);
  });

  composer.command("search", async (ctx) => {
    const query = ctx.match.trim();
    if (query === "") return void (await replyHtml(ctx, escapeHtml(USAGE.search)));
    const cards = await backend.search(query, TELEGRAM_DEFAULTS.searchLimit);
    if (cards.length === 0) {
      return void (await replyHtml(ctx, `No cards contain all of: <i>${escapeHtml(query)}</i>.`));
    }
    for (const message of renderTelegram(cards)) await replyHtml(ctx, message.html);
  });

  return composer;
}
