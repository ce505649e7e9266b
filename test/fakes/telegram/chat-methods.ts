import type {
  BotCommand,
  ChatFullInfo,
  ChatMember,
  UserFromGetMe,
  WebhookInfo,
} from "grammy/types";
import { badRequest } from "./api-error.js";
import type { FakeState } from "./fake-state.js";
import {
  optionalBool,
  optionalInt,
  optionalObject,
  optionalString,
  type Params,
} from "./parse-params.js";
import type { UpdateQueue } from "./update-queue.js";

/** getMe, chats and members, bot commands, and webhook management. */
export function chatMethods(state: FakeState, updates: UpdateQueue) {
  const commands = new Map<string, BotCommand[]>();
  const commandsKey = (params: Params) =>
    JSON.stringify([
      optionalObject(params, "scope") ?? { type: "default" },
      params.language_code ?? "",
    ]);

  return {
    getMe: (): UserFromGetMe =>
      ({
        ...state.bot,
        is_bot: true,
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
        can_connect_to_business: false,
        has_main_web_app: false,
      }) as UserFromGetMe,

    getChat(params: Params): ChatFullInfo {
      const chat = state.resolveChat(params.chat_id);
      return {
        ...state.chatJson(chat),
        accent_color_id: 0,
        max_reaction_count: 11,
      } as ChatFullInfo;
    },

    getChatMember(params: Params): ChatMember {
      const chat = state.resolveChat(params.chat_id);
      const userId = optionalInt(params, "user_id");
      if (userId === undefined) throw badRequest("user_id is empty");
      if (userId !== state.bot.id) state.assertCanReadMembers(chat);
      return state.memberJson(chat, userId);
    },

    setMyCommands(params: Params): true {
      const list = optionalObject<BotCommand[]>(params, "commands") ?? [];
      if (list.length > 100) throw badRequest("too many commands");
      for (const c of list) {
        if (!/^[a-z0-9_]{1,32}$/.test(c.command)) throw badRequest("BOT_COMMAND_INVALID");
        if (!c.description || c.description.length > 256) {
          throw badRequest("command description must be non-empty");
        }
      }
      commands.set(commandsKey(params), list);
      return true;
    },
    getMyCommands: (params: Params): BotCommand[] => commands.get(commandsKey(params)) ?? [],
    deleteMyCommands(params: Params): true {
      commands.delete(commandsKey(params));
      return true;
    },

    setWebhook(params: Params): true {
      updates.setWebhook(
        optionalString(params, "url") ?? "",
        optionalString(params, "secret_token"),
        optionalBool(params, "drop_pending_updates") ?? false,
      );
      return true;
    },
    deleteWebhook(params: Params): true {
      updates.deleteWebhook(optionalBool(params, "drop_pending_updates") ?? false);
      return true;
    },
    getWebhookInfo: (): WebhookInfo => updates.webhookInfo(),

    /** Commands as set for the default scope, for assertions. */
    registeredCommands: (): BotCommand[] => commands.get(commandsKey({})) ?? [],
  };
}
