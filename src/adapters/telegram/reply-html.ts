import type { Context } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";

/** Every bot reply: HTML, no link previews; grammY adds the forum topic of the command. */
export function replyHtml(ctx: Context, html: string, replyMarkup?: InlineKeyboardMarkup) {
  return ctx.reply(html, {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
  });
}
