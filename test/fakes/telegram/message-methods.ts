import type {
  InlineKeyboardMarkup,
  LinkPreviewOptions,
  Message,
  MessageEntity,
} from "grammy/types";
import { badRequest } from "./api-error.js";
import type { FakeChat, FakeState, SentMessage } from "./fake-state.js";
import { parseTelegramHtml } from "./parse-html.js";
import {
  optionalBool,
  optionalInt,
  optionalObject,
  optionalString,
  type Params,
} from "./parse-params.js";

export const MAX_TEXT_LENGTH = 4096;

interface PreparedText {
  raw: string;
  text: string;
  entities: MessageEntity[];
  parseMode?: string;
  replyMarkup?: InlineKeyboardMarkup;
}

/** The checks Telegram makes on a message text, in its order: parse, then emptiness, then length. */
function prepareText(params: Params): PreparedText {
  const raw = optionalString(params, "text") ?? "";
  const parseMode = optionalString(params, "parse_mode");
  if (parseMode !== undefined && parseMode.toLowerCase() !== "html") {
    throw badRequest(`unsupported parse_mode "${parseMode}" in the fake (only HTML)`);
  }
  const parsed = parseMode
    ? parseTelegramHtml(raw)
    : { text: raw, entities: optionalObject<MessageEntity[]>(params, "entities") ?? [] };
  if (parsed.text.trim() === "") throw badRequest("message text is empty");
  // The limit counts characters (code points) after entity parsing, not HTML source length.
  if ([...parsed.text].length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
  const replyMarkup = optionalObject<InlineKeyboardMarkup>(params, "reply_markup");
  for (const row of replyMarkup?.inline_keyboard ?? []) {
    for (const button of row) {
      const data = "callback_data" in button ? button.callback_data : undefined;
      if (data !== undefined && (data === "" || Buffer.byteLength(data) > 64)) {
        throw badRequest("BUTTON_DATA_INVALID");
      }
    }
  }
  return { raw, ...parsed, parseMode, replyMarkup };
}

function buildMessage(state: FakeState, chat: FakeChat, id: number, t: PreparedText): Message {
  return {
    message_id: id,
    date: Math.floor(Date.now() / 1000),
    chat: state.chatJson(chat),
    ...(chat.type === "channel" ? { sender_chat: state.chatJson(chat) } : { from: state.bot }),
    text: t.text,
    ...(t.entities.length > 0 ? { entities: t.entities } : {}),
    ...(t.replyMarkup ? { reply_markup: t.replyMarkup } : {}),
  } as Message;
}

export function messageMethods(state: FakeState) {
  return {
    sendMessage(params: Params): Message {
      const chat = state.resolveChat(params.chat_id);
      state.assertCanPost(chat);
      const threadId = optionalInt(params, "message_thread_id");
      if (threadId !== undefined && !chat.isForum) throw badRequest("message thread not found");
      const prepared = prepareText(params);
      const messageId = chat.nextMessageId++;
      const linkPreviewOptions = optionalObject<LinkPreviewOptions>(params, "link_preview_options");
      const message = {
        ...buildMessage(state, chat, messageId, prepared),
        ...(threadId !== undefined ? { message_thread_id: threadId, is_topic_message: true } : {}),
        ...(linkPreviewOptions ? { link_preview_options: linkPreviewOptions } : {}),
      } as Message;
      const record: SentMessage = {
        chatId: chat.id,
        messageId,
        threadId,
        raw: prepared.raw,
        text: prepared.text,
        entities: prepared.entities,
        parseMode: prepared.parseMode,
        replyMarkup: prepared.replyMarkup,
        linkPreviewOptions,
        disableWebPagePreview: optionalBool(params, "disable_web_page_preview"),
        history: [],
        message,
      };
      state.sent.push(record);
      return message;
    },

    editMessageText(params: Params): Message {
      const chat = state.resolveChat(params.chat_id);
      const messageId = optionalInt(params, "message_id");
      const record = messageId === undefined ? undefined : state.findSent(chat.id, messageId);
      if (!record) throw badRequest("message to edit not found");
      const prepared = prepareText(params);
      const same =
        prepared.text === record.text &&
        JSON.stringify(prepared.entities) === JSON.stringify(record.entities) &&
        JSON.stringify(prepared.replyMarkup) === JSON.stringify(record.replyMarkup);
      if (same) {
        throw badRequest(
          "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        );
      }
      record.history.push(record.text);
      Object.assign(record, {
        raw: prepared.raw,
        text: prepared.text,
        entities: prepared.entities,
        replyMarkup: prepared.replyMarkup,
      });
      const next = {
        ...record.message,
        ...buildMessage(state, chat, record.messageId, prepared),
        edit_date: Math.floor(Date.now() / 1000),
      } as Message & { reply_markup?: unknown; entities?: unknown };
      if (!prepared.replyMarkup) delete next.reply_markup;
      if (prepared.entities.length === 0) delete next.entities;
      record.message = next;
      return record.message;
    },

    answerCallbackQuery(params: Params): true {
      const id = optionalString(params, "callback_query_id") ?? "";
      if (state.callbackAnswers.get(id) !== null) {
        throw badRequest("query is too old and response timeout expired or query ID is invalid");
      }
      state.callbackAnswers.set(id, {
        text: optionalString(params, "text"),
        showAlert: optionalBool(params, "show_alert"),
      });
      return true;
    },
  };
}
