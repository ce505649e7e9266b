import type { ChatSettings } from "../../model/index.js";
import type { ChatRef } from "../ports.js";
import { applySettingsPatch } from "../settings-defaults.js";
import type { SyncSettingsStore } from "../sync-ports.js";

const keyOf = (chat: ChatRef) => `${chat.platform}:${chat.chatId}`;

export function createMemorySettingsStore(): SyncSettingsStore {
  const rows = new Map<string, ChatSettings>();
  return {
    get: (chat) => {
      const row = rows.get(keyOf(chat));
      return row === undefined ? undefined : structuredClone(row);
    },
    update(chat, patch, now) {
      const row = applySettingsPatch(chat, rows.get(keyOf(chat)), patch, now);
      rows.set(keyOf(chat), row);
      return structuredClone(row);
    },
    moveChat(platform, fromChatId, toChatId) {
      const row = rows.get(keyOf({ platform, chatId: fromChatId }));
      if (row === undefined) return 0;
      rows.delete(keyOf({ platform, chatId: fromChatId }));
      rows.set(keyOf({ platform, chatId: toChatId }), { ...row, chatId: toChatId });
      return 1;
    },
  };
}
