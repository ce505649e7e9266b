import { GrammyError, type Context } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { BotBackend } from "../../delivery/index.js";
import { renderTelegramBatches } from "./render-telegram.js";
import { replyHtml } from "./reply-html.js";
import { TELEGRAM_DEFAULTS } from "./telegram-defaults.js";

/** Callback data of the paging buttons: `latest:<offset>:<page size>` (well under 64 bytes). */
export const PAGE_CALLBACK = /^latest:(\d+):(\d+)$/;

interface Page {
  offset: number;
  shown: number;
  size: number;
  total: number;
}

export function pageKeyboard(page: Page): InlineKeyboardMarkup {
  const row: InlineKeyboardButton[] = [];
  if (page.offset > 0) {
    row.push({
      text: "◀ Newer",
      callback_data: `latest:${Math.max(0, page.offset - page.size)}:${page.size}`,
    });
  }
  if (page.offset + page.shown < page.total) {
    row.push({ text: "Older ▶", callback_data: `latest:${page.offset + page.shown}:${page.size}` });
  }
  return { inline_keyboard: row.length > 0 ? [row] : [] };
}

const range = (p: Page) => `Cards ${p.offset + 1}–${p.offset + p.shown} of ${p.total}`;

/** /latest N: as few messages as fit; the buttons go on the last one. */
export async function sendLatest(ctx: Context, backend: BotBackend, size: number): Promise<void> {
  const { cards, total } = await backend.latest({ limit: size, offset: 0 });
  if (cards.length === 0) {
    await replyHtml(ctx, "No cards yet. New articles are turned into cards as they arrive.");
    return;
  }
  const batches = renderTelegramBatches(cards);
  const keyboard = pageKeyboard({ offset: 0, shown: cards.length, size, total });
  for (const [i, batch] of batches.entries()) {
    const last = i === batches.length - 1;
    await replyHtml(
      ctx,
      batch.html,
      last && keyboard.inline_keyboard.length > 0 ? keyboard : undefined,
    );
  }
}

/** A ◀ ▶ press: the message with the buttons becomes the requested page. Always answered. */
export async function turnPage(ctx: Context, backend: BotBackend): Promise<void> {
  let toast = "";
  try {
    const match = PAGE_CALLBACK.exec(ctx.callbackQuery?.data ?? "");
    const offset = Number(match?.[1] ?? 0);
    const size = Math.min(Math.max(Number(match?.[2] ?? 1), 1), TELEGRAM_DEFAULTS.latestMax);
    const { cards, total } = await backend.latest({ limit: size, offset });
    const first = renderTelegramBatches(cards)[0];
    if (!first) {
      toast = "No more cards.";
      return;
    }
    // An edit replaces one message, so a page is as many cards as fit into one.
    const page = { offset, shown: first.cardCount, size, total };
    toast = range(page);
    await ctx
      .editMessageText(first.html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        reply_markup: pageKeyboard(page),
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
