import { Composer, type Context } from "grammy";
import type { BotBackend } from "../../delivery/index.js";
import type { CardLookup } from "../../queries/index.js";
import { PAGE_CALLBACK, sendCardList, turnPage } from "./card-pager.js";
import { echoHtml, escapeHtml } from "./escape-html.js";
import { chatLanguage } from "./chat-language.js";
import { helpHtml, SEED_EXAMPLES, startHtml, type HelpExamples } from "./help-text.js";
import { parseLatestArgs, parseOneWord, USAGE } from "./parse-command-args.js";
import { renderSourceHtml } from "./render-replies.js";
import { renderTelegram } from "./render-telegram.js";
import { replyHtml } from "./reply-html.js";
import { TELEGRAM_DEFAULTS } from "./telegram-defaults.js";

/** Why no card was shown: none has that id, or the prefix fits several (listed to pick from). */
function notFound(id: string, lookup: Exclude<CardLookup, { ok: true }>): string {
  if (lookup.reason === "ambiguous") {
    const list = lookup.matches.map((m) => `• <code>${m.id}</code> ${escapeHtml(m.title)}`);
    return [`<code>${echoHtml(id)}</code> fits several cards; use more of the ID:`, ...list].join(
      "\n",
    );
  }
  return `No card with ID <code>${echoHtml(id)}</code>. Use an ID (at least 4 characters) shown under a card, e.g. from /latest.`;
}

/** Examples from the newest card (its id, two of its tags), so a copied example finds it. */
async function helpExamples(backend: BotBackend, ctx: Context): Promise<HelpExamples> {
  const [sub] = await backend.subscriptions({ platform: "telegram", chatId: String(ctx.chat?.id) });
  const own = sub === undefined ? {} : { subscriptionId: sub.id };
  const [card] = (await backend.latest({ limit: 1, offset: 0 })).cards;
  if (card === undefined) return { ...SEED_EXAMPLES, ...own };
  const words = card.tags.slice(0, 2).join(" ");
  return { cardId: card.id, searchWords: words || SEED_EXAMPLES.searchWords, ...own };
}

/** Reading commands: /start, /help, /latest with paging, /card, /source, /search with paging. */
export function cardCommands(backend: BotBackend): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command("start", async (ctx) =>
    replyHtml(ctx, startHtml((await chatLanguage(ctx, backend)).t)),
  );
  composer.command("help", async (ctx) => {
    const { t } = await chatLanguage(ctx, backend);
    await replyHtml(ctx, helpHtml(await helpExamples(backend, ctx), t));
  });

  composer.command("latest", async (ctx) => {
    const n = parseLatestArgs(ctx.match);
    if (!n.ok) return void (await replyHtml(ctx, escapeHtml(n.error)));
    const empty = "No cards yet. New articles are turned into cards as they arrive.";
    const latest = { kind: "latest" as const, chatId: String(ctx.chat.id) };
    await sendCardList(ctx, backend, latest, n.value, empty);
  });
  composer.callbackQuery(PAGE_CALLBACK, (ctx) => turnPage(ctx, backend));

  const withCard =
    (usage: string, show: (ctx: Context, card: CardLookup & { ok: true }) => Promise<void>) =>
    async (ctx: Context & { match: string }) => {
      const id = parseOneWord(ctx.match, usage);
      if (!id.ok) return void (await replyHtml(ctx, escapeHtml(id.error)));
      const lookup = await backend.findCard(id.value);
      if (!lookup.ok) return void (await replyHtml(ctx, notFound(id.value, lookup)));
      await show(ctx, lookup);
    };

  composer.command(
    "card",
    withCard(USAGE.card, async (ctx, { card }) => {
      for (const message of renderTelegram([card])) await replyHtml(ctx, message.html);
    }),
  );
  composer.command(
    "source",
    withCard(USAGE.source, async (ctx, { card }) => {
      for (const html of renderSourceHtml(card)) await replyHtml(ctx, html);
    }),
  );

  composer.command("search", async (ctx) => {
    const query = ctx.match.trim();
    if (query === "") return void (await replyHtml(ctx, escapeHtml(USAGE.search)));
    const empty = `No cards contain all of: <i>${echoHtml(query)}</i>.`;
    const list = { kind: "search", query: [...query].slice(0, 100).join("") } as const;
    await sendCardList(ctx, backend, list, TELEGRAM_DEFAULTS.searchLimit, empty);
  });

  return composer;
}
