import type { Database } from "better-sqlite3";
import type { ChatRef } from "../ports.js";
import { applySettingsPatch } from "../settings-defaults.js";
import { settingsFromRow, settingsToValues } from "../settings-row.js";
import type { SyncSettingsStore } from "../sync-ports.js";

export function createSqliteSettingsStore(db: Database): SyncSettingsStore {
  const q = {
    get: db.prepare("SELECT * FROM chat_settings WHERE platform = ? AND chat_id = ?"),
    put: db.prepare(
      `INSERT INTO chat_settings (platform, chat_id, timezone, language, quiet_start, quiet_end, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (platform, chat_id) DO UPDATE SET timezone = excluded.timezone,
        language = excluded.language, quiet_start = excluded.quiet_start,
        quiet_end = excluded.quiet_end, updated_at = excluded.updated_at`,
    ),
    move: db.prepare("UPDATE chat_settings SET chat_id = ? WHERE platform = ? AND chat_id = ?"),
  };
  const get = (chat: ChatRef) => {
    const raw = q.get.get(chat.platform, chat.chatId) as Record<string, unknown> | undefined;
    return raw === undefined ? undefined : settingsFromRow(raw);
  };
  return {
    get,
    update(chat, patch, now) {
      const row = applySettingsPatch(chat, get(chat), patch, now);
      q.put.run(...settingsToValues(row));
      return row;
    },
    moveChat: (platform, fromChatId, toChatId) =>
      q.move.run(toChatId, platform, fromChatId).changes,
  };
}
