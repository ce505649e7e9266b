import type { Message, MessageEntity, Update, User } from "grammy/types";
import type { FakeState } from "./fake-state.js";
import type { UpdateQueue } from "./update-queue.js";

/** The user Telegram shows as the sender when a group admin posts anonymously. */
export const ANONYMOUS_ADMIN: User = {
  id: 1087968824,
  is_bot: true,
  first_name: "Group",
  username: "GroupAnonymousBot",
};

export interface SendTextInput {
  /** Chat id; a private chat with `from` is created on first use. */
  chat: number;
  from: User;
  text: string;
  /** Forum topic the message is posted in. */
  messageThreadId?: number;
  /** The chat the message is sent on behalf of (anonymous admins, channels). */
  senderChat?: number;
}

export interface ClickButtonInput {
  chat: number;
  from: User;
  messageId: number;
  data: string;
}

/** `/command` and `/command@bot` at the start of a word, as Telegram clients mark them. */
export function botCommandEntities(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  for (const m of text.matchAll(/(?<=^|\s)\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/g)) {
    found.push({ type: "bot_command", offset: m.index, length: m[0].length });
  }
  return found;
}

/** What users do in their apps, turned into the updates the bot receives. */
export function userActions(state: FakeState, updates: UpdateQueue) {
  let nextQueryId = 1;
  return {
    sendText(input: SendTextInput): Message {
      if (!state.chats.has(input.chat) && input.chat === input.from.id) {
        state.addChat({ id: input.chat, type: "private", firstName: input.from.first_name });
      }
      const chat = state.resolveChat(input.chat);
      state.users.set(input.from.id, input.from);
      if (input.messageThreadId !== undefined && !chat.isForum) {
        throw new Error(`chat ${chat.id} is not a forum; topics exist only in forums`);
      }
      const entities = botCommandEntities(input.text);
      const message = {
        message_id: chat.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: state.chatJson(chat),
        ...(chat.type === "channel" ? { sender_chat: state.chatJson(chat) } : { from: input.from }),
        ...(input.senderChat !== undefined
          ? { sender_chat: state.chatJson(state.resolveChat(input.senderChat)) }
          : {}),
        ...(input.messageThreadId !== undefined
          ? { message_thread_id: input.messageThreadId, is_topic_message: true }
          : {}),
        text: input.text,
        ...(entities.length > 0 ? { entities } : {}),
      } as Message;
      updates.push(
        (chat.type === "channel" ? { channel_post: message } : { message }) as Omit<
          Update,
          "update_id"
        >,
      );
      return message;
    },

    /** Presses an inline button the bot sent; throws if that message has no such button. */
    clickButton(input: ClickButtonInput): string {
      const record = state.findSent(input.chat, input.messageId);
      if (!record) throw new Error(`the bot sent no message ${input.messageId} to ${input.chat}`);
      const exists = (record.replyMarkup?.inline_keyboard ?? [])
        .flat()
        .some((b) => "callback_data" in b && b.callback_data === input.data);
      if (!exists) throw new Error(`message ${input.messageId} has no button "${input.data}"`);
      const id = String(nextQueryId++);
      state.callbackAnswers.set(id, null);
      updates.push({
        callback_query: {
          id,
          from: input.from,
          message: record.message,
          chat_instance: `instance${input.chat}`,
          data: input.data,
        },
      } as Omit<Update, "update_id">);
      return id;
    },
  };
}
