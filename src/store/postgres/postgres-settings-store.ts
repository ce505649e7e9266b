import type { ChatRef, SettingsStore } from "../ports.js";
import { applySettingsPatch } from "../settings-defaults.js";
import { settingsFromRow, settingsToValues } from "../settings-row.js";
import type { PgDb } from "./pg-db.js";

const COLUMNS =
  "platform, chat_id, timezone, language, quiet_start, quiet_end, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS updated_at";

export function createPostgresSettingsStore(db: PgDb): SettingsStore {
  const get = async (chat: ChatRef, on: PgDb = db) => {
    const { rows } = await on.query(
      `SELECT ${COLUMNS} FROM chat_settings WHERE platform = $1 AND chat_id = $2`,
      [chat.platform, chat.chatId],
    );
    return rows[0] === undefined ? undefined : settingsFromRow(rows[0]);
  };
  return {
    get: (chat) => get(chat),
    update: (chat, patch, now) =>
      db.atomic(async (tx) => {
        // Row lock: two concurrent patches of one chat must not lose each other's fields.
        await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [
          `chat_settings:${chat.platform}:${chat.chatId}`,
        ]);
        const row = applySettingsPatch(chat, await get(chat, tx), patch, now);
        await tx.query(
          `INSERT INTO chat_settings (platform, chat_id, timezone, language, quiet_start, quiet_end, updated_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7)
          ON CONFLICT (platform, chat_id) DO UPDATE SET timezone = excluded.timezone,
            language = excluded.language, quiet_start = excluded.quiet_start,
            quiet_end = excluded.quiet_end, updated_at = excluded.updated_at`,
          settingsToValues(row),
        );
        return row;
      }),
    async moveChat(platform, fromChatId, toChatId) {
      const { rowCount } = await db.query(
        "UPDATE chat_settings SET chat_id = $1 WHERE platform = $2 AND chat_id = $3",
        [toChatId, platform, fromChatId],
      );
      return rowCount;
    },
  };
}
