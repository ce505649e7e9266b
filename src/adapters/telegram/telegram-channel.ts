import { Api, GrammyError } from "grammy";
import type { DeliveryChannel, MessagePart } from "../../delivery/index.js";
import { DeliveryError } from "../../delivery/index.js";
import type { DeliveryTarget } from "../../model/index.js";
import type { Logger } from "../../lib/index.js";
import { escapeHtml } from "./escape-html.js";
import { renderTelegram } from "./render-telegram.js";
import { clientOptions, type ClientSettings } from "./telegram-defaults.js";
import { describeTelegramError, toDeliveryError } from "./telegram-errors.js";

export interface TelegramChannelOptions extends ClientSettings {
  token: string;
  logger: Logger;
  /** Messages per second across all chats (Telegram's broadcast limit: 30, more with paid broadcasts). */
  sendRate?: number;
}

export type TelegramChannel = DeliveryChannel & { readonly api: Api };

function htmlOf(part: MessagePart): string {
  if (typeof part.html === "string") return part.html;
  throw new DeliveryError({ kind: "bad_payload" }, "Telegram message part has no html string");
}

/**
 * Scheduled delivery into Telegram chats. Its Api has no auto-retry: the delivery ledger is the only
 * retry layer, so every failure is classified and thrown at once.
 */
export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const api = new Api(options.token, clientOptions(options));
  const log = options.logger.child({ channel: "telegram" });

  const sendHtml = async (target: DeliveryTarget, html: string) => {
    try {
      return await api.sendMessage(target.chatId, html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(target.threadId !== null ? { message_thread_id: Number(target.threadId) } : {}),
      });
    } catch (error) {
      throw toDeliveryError(error, options.token);
    }
  };

  return {
    api,
    platform: "telegram",
    idempotent: false,
    limits: {
      globalPerSecond: options.sendRate ?? 30,
      perChatPerSecond: 1,
      perGroupPerMinute: 20,
      concurrency: 8,
    },
    render: (cards, context) => renderTelegram(cards, context),
    async send(target, part) {
      const message = await sendHtml(target, htmlOf(part));
      return { messageId: String(message.message_id) };
    },
    async edit(target, messageId, part) {
      try {
        await api.editMessageText(target.chatId, Number(messageId), htmlOf(part), {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        });
      } catch (error) {
        // The edit already happened (a retry after a crash): that is success.
        if (error instanceof GrammyError && /message is not modified/i.test(error.description))
          return;
        throw toDeliveryError(error, options.token);
      }
    },
    async notice(target, text) {
      try {
        await sendHtml(target, escapeHtml(text));
      } catch (error) {
        log.warn(
          { chatId: target.chatId, error: describeTelegramError(error, options.token) },
          "notice not delivered",
        );
      }
    },
  };
}
