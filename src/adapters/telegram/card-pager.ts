import { GrammyError, type Context } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { BotBackend, StoryNote } from "../../delivery/index.js";
import type { FactCard } from "../../model/index.js";
import { echoHtml, visibleLength } from "./escape-html.js";
import { renderCardHtml, renderTelegramBatches, TELEGRAM_TEXT_LIMIT } from "./render-telegram.js";
import { replyHtml } from "./reply-html.js";
import { TELEGRAM_DEFAULTS } from "./telegram-defaults.js";

/** Callback data of ◀ ▶: `latest:<offset>:<size>` or `search:<offset>:<size>:<query>` (≤ 64 bytes). */
export const PAGE_CALLBACK = /^(latest|search):(\d+):(\d+)(?::(.+))?$/s;
const CALLBACK_MAX_BYTES = 64;

/** What is paged: the newest cards (as stories, for a chat, when the backend groups them), or a search. */
export type PagedList = { kind: "latest"; chatId?: string } | { kind: "search"; query: string };

interface Page {
  offset: number;
  shown: number;
  size: number;
  total: number;
  /** Where the page before this one starts (pages hold as many cards as fit, not always `size`). */
  previous: number;
}

type FetchedPage = { cards: FactCard[]; total: number; notes?: ReadonlyMap<string, StoryNote> };

const fetchPage = (
  backend: BotBackend,
  list: PagedList,
  page: { limit: number; offset: number },
): Promise<FetchedPage> => {
  if (list.kind === "search") return backend.search(list.query, page);
  if (backend.latestStories && list.chatId !== undefined) {
    return backend.latestStories({ platform: "telegram", chatId: list.chatId }, page);
  }
  return backend.latest(page);
};

const callbackData = (list: PagedList, offset: number, size: number): string | undefined => {
  const data =
    list.kind === "latest" ? `latest:${offset}:${size}` : `search:${offset}:${size}:${list.query}`;
  return Buffer.byteLength(data) <= CALLBACK_MAX_BYTES ? data : undefined;
};

export function pageKeyboard(list: PagedList, page: Page): InlineKeyboardMarkup {
  const row: InlineKeyboardButton[] = [];
  const newer = callbackData(list, page.previous, page.size);
  const older = callbackData(list, page.offset + page.shown, page.size);
  if (page.offset > 0 && newer) row.push({ text: "◀ Newer", callback_data: newer });
  if (page.offset + page.shown < page.total && older) {
    row.push({ text: "Older ▶", callback_data: older });
  }
  return { inline_keyboard: row.length > 0 ? [row] : [] };
}

/** A header line above the cards: what is shown out of how many. */
function header(list: PagedList, page: FetchedPage, from: number, to: number): string {
  const { total } = page;
  const range = `${from}–${to} of ${total}`;
  if (list.kind === "latest") {
    return `<i>${page.notes ? "Latest stories" : "Newest cards"} ${range}</i>`;
  }
  const noun = total === 1 ? "card matches" : "cards match";
  return `<i>${total} ${noun} “${echoHtml(list.query)}”: ${range}</i>`;
}

/** How many cards ending just before `offset` fit one message: where ◀ starts. */
async function previousOffset(
  backend: BotBackend,
  list: PagedList,
  offset: number,
  size: number,
): Promise<number> {
  if (offset === 0) return 0;
  const start = Math.max(0, offset - size);
  const { cards, notes } = await fetchPage(backend, list, { limit: offset - start, offset: start });
  let length = 200; // room for the header line
  let fit = 0;
  for (const card of [...cards].reverse()) {
    length += visibleLength(renderCardHtml(card, TELEGRAM_TEXT_LIMIT, notes?.get(card.id))) + 2;
    if (fit > 0 && length > TELEGRAM_TEXT_LIMIT) break;
    fit++;
  }
  return offset - Math.max(fit, 1);
}

const batchesWithHeader = ({ cards, notes }: FetchedPage) =>
  renderTelegramBatches(cards, {
    maxChars: TELEGRAM_TEXT_LIMIT - 200,
    ...(notes ? { stories: notes } : {}),
  });

/** /latest N or /search: the first page as few messages as fit; the buttons go on the last one. */
export async function sendCardList(
  ctx: Context,
  backend: BotBackend,
  list: PagedList,
  size: number,
  empty: string,
): Promise<void> {
  const fetched = await fetchPage(backend, list, { limit: size, offset: 0 });
  const { cards, total } = fetched;
  if (cards.length === 0) return void (await replyHtml(ctx, empty));
  const batches = batchesWithHeader(fetched);
  const keyboard = pageKeyboard(list, { offset: 0, shown: cards.length, size, total, previous: 0 });
  for (const [i, batch] of batches.entries()) {
    const last = i === batches.length - 1;
    const html =
      i === 0 ? `${header(list, fetched, 1, cards.length)}\n\n${batch.html}` : batch.html;
    await replyHtml(ctx, html, last && keyboard.inline_keyboard.length > 0 ? keyboard : undefined);
  }
}

/** A ◀ ▶ press: the message with the buttons becomes the requested page. Always answered. */
export async function turnPage(ctx: Context, backend: BotBackend): Promise<void> {
  let toast = "";
  try {
    const match = PAGE_CALLBACK.exec(ctx.callbackQuery?.data ?? "");
    const chatId = ctx.chat === undefined ? undefined : String(ctx.chat.id);
    const list: PagedList =
      match?.[1] === "search"
        ? { kind: "search", query: match[4] ?? "" }
        : { kind: "latest", ...(chatId === undefined ? {} : { chatId }) };
    const offset = Number(match?.[2] ?? 0);
    const size = Math.min(Math.max(Number(match?.[3] ?? 1), 1), TELEGRAM_DEFAULTS.latestMax);
    const fetched = await fetchPage(backend, list, { limit: size, offset });
    const { total } = fetched;
    const first = batchesWithHeader(fetched)[0];
    if (!first) {
      toast = "No more cards.";
      return;
    }
    // An edit replaces one message, so a page is as many cards as fit into one.
    const previous = await previousOffset(backend, list, offset, size);
    const page = { offset, shown: first.cardCount, size, total, previous };
    toast = `Cards ${offset + 1}–${offset + first.cardCount} of ${total}`;
    const html = `${header(list, fetched, offset + 1, offset + first.cardCount)}\n\n${first.html}`;
    await ctx
      .editMessageText(html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        reply_markup: pageKeyboard(list, page),
      })
      .catch((error: unknown) => {
        // A double press asks for the page already shown; that is not a failure.
        if (!(error instanceof GrammyError && /message is not modified/.test(error.description)))
          throw error;
      });
  } finally {
    await ctx.answerCallbackQuery(toast ? { text: toast } : undefined);
  }
}
