import type {
  Chat,
  ChatMember,
  InlineKeyboardMarkup,
  LinkPreviewOptions,
  Message,
  MessageEntity,
  User,
} from "grammy/types";
import { ApiError, badRequest } from "./api-error.js";

export type ChatType = "private" | "group" | "supergroup" | "channel";
export type MemberStatus =
  "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";
export type FakeUser = User;

export interface FakeMember {
  status: MemberStatus;
  /** Administrator rights such as can_post_messages; everything else defaults to what Telegram sends. */
  rights: Record<string, boolean>;
}

export interface FakeChat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  firstName?: string;
  isForum: boolean;
  members: Map<number, FakeMember>;
  nextMessageId: number;
}

export interface ChatInput {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  firstName?: string;
  isForum?: boolean;
  members?: Array<{ user: FakeUser; status: MemberStatus; rights?: Record<string, boolean> }>;
}

/** A message the bot sent, as the test sees it: plain text and entities after parsing, plus options. */
export interface SentMessage {
  chatId: number;
  messageId: number;
  threadId?: number;
  /** The raw `text` parameter, e.g. the HTML the bot built. */
  raw: string;
  text: string;
  entities: MessageEntity[];
  parseMode?: string;
  replyMarkup?: InlineKeyboardMarkup;
  linkPreviewOptions?: LinkPreviewOptions;
  disableWebPagePreview?: boolean;
  /** Earlier versions of text, newest last, when the bot edited the message. */
  history: string[];
  message: Message;
}

export interface CallbackAnswer {
  text?: string;
  showAlert?: boolean;
}

export function createFakeState(bot: FakeUser) {
  const users = new Map<number, FakeUser>([[bot.id, bot]]);
  const chats = new Map<number, FakeChat>();
  const sent: SentMessage[] = [];
  /** Callback query id -> the bot's answer, or null while unanswered. */
  const callbackAnswers = new Map<string, CallbackAnswer | null>();

  const addChat = (input: ChatInput): FakeChat => {
    const chat: FakeChat = {
      id: input.id,
      type: input.type,
      title: input.title,
      username: input.username,
      firstName: input.firstName,
      isForum: input.isForum ?? false,
      members: new Map(),
      nextMessageId: 1,
    };
    // Bots are added to groups as plain members; channels need an explicit admin entry.
    if (input.type === "group" || input.type === "supergroup") {
      chat.members.set(bot.id, { status: "member", rights: {} });
    }
    for (const m of input.members ?? []) {
      users.set(m.user.id, m.user);
      chat.members.set(m.user.id, { status: m.status, rights: m.rights ?? {} });
    }
    chats.set(chat.id, chat);
    return chat;
  };

  const resolveChat = (chatId: unknown): FakeChat => {
    if (chatId === undefined || chatId === null || chatId === "")
      throw badRequest("chat_id is empty");
    const key = String(chatId);
    const chat = key.startsWith("@")
      ? [...chats.values()].find((c) => c.username?.toLowerCase() === key.slice(1).toLowerCase())
      : chats.get(Number(key));
    if (!chat) throw badRequest("chat not found");
    return chat;
  };

  const chatJson = (chat: FakeChat): Chat =>
    ({
      id: chat.id,
      type: chat.type,
      ...(chat.title !== undefined ? { title: chat.title } : {}),
      ...(chat.username !== undefined ? { username: chat.username } : {}),
      ...(chat.firstName !== undefined ? { first_name: chat.firstName } : {}),
      ...(chat.isForum ? { is_forum: true } : {}),
    }) as Chat;

  const memberJson = (chat: FakeChat, userId: number): ChatMember => {
    const user = users.get(userId);
    if (!user) throw badRequest("user not found");
    if (chat.type === "private") {
      return { status: userId === chat.id || userId === bot.id ? "member" : "left", user };
    }
    const member = chat.members.get(userId) ?? { status: "left", rights: {} };
    switch (member.status) {
      case "creator":
        return { status: "creator", user, is_anonymous: false };
      case "administrator":
        return adminJson(chat, user, member.rights);
      case "kicked":
        return { status: "kicked", user, until_date: 0 };
      case "restricted":
        return { status: "restricted", user, is_member: true, until_date: 0 } as ChatMember;
      default:
        return { status: member.status, user } as ChatMember;
    }
  };

  /** Telegram lets only channel admins read a channel's member list. */
  const assertCanReadMembers = (chat: FakeChat) => {
    if (chat.type === "channel" && chat.members.get(bot.id)?.status !== "administrator") {
      throw badRequest("member list is inaccessible");
    }
  };

  /** Mirrors the checks Telegram makes before the bot may post into a chat. */
  const assertCanPost = (chat: FakeChat) => {
    const me = chat.members.get(bot.id);
    if (
      chat.type === "channel" &&
      !(me?.status === "administrator" && me.rights.can_post_messages)
    ) {
      throw badRequest("need administrator rights in the channel chat");
    }
    if ((chat.type === "group" || chat.type === "supergroup") && me?.status === "kicked") {
      throw new ApiError(403, `Forbidden: bot was kicked from the ${chat.type} chat`);
    }
  };

  return {
    bot,
    users,
    chats,
    sent,
    callbackAnswers,
    addChat,
    resolveChat,
    chatJson,
    memberJson,
    assertCanReadMembers,
    assertCanPost,
    setMember(chatId: number, user: FakeUser, status: MemberStatus, rights = {}) {
      users.set(user.id, user);
      resolveChat(chatId).members.set(user.id, { status, rights });
    },
    findSent: (chatId: number, messageId: number) =>
      sent.find((m) => m.chatId === chatId && m.messageId === messageId),
  };
}

export type FakeState = ReturnType<typeof createFakeState>;

function adminJson(chat: FakeChat, user: User, rights: Record<string, boolean>): ChatMember {
  const base = {
    can_be_edited: false,
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: false,
    can_manage_video_chats: false,
    can_restrict_members: false,
    can_promote_members: false,
    can_change_info: false,
    can_invite_users: false,
    can_post_stories: false,
    can_edit_stories: false,
    can_delete_stories: false,
    ...(chat.type === "channel" ? { can_post_messages: false, can_edit_messages: false } : {}),
    ...(chat.type !== "channel" ? { can_pin_messages: false } : {}),
  };
  return { status: "administrator", user, ...base, ...rights } as ChatMember;
}
