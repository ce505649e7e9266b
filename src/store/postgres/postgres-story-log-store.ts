import { z } from "zod";
import { parseRow } from "../parse-row.js";
import type { StoryLogEntry, StoryLogStore } from "../ports.js";
import type { PgDb } from "./pg-db.js";
import { pgTime } from "./pg-row.js";

const StoryLogRow = z.object({
  storyKey: z.string().min(1),
  fingerprint: z.string(),
  cardIds: z.array(z.string()),
  subscriptionId: z.string(),
  slot: z.string(),
  position: z.number().int(),
  rowId: z.string(),
  messageId: z.string().nullable(),
  updatedAt: pgTime,
});

export function createPostgresStoryLogStore(db: PgDb): StoryLogStore {
  return {
    async record(target, entries, now) {
      if (entries.length === 0) return;
      await db.query(
        `INSERT INTO story_log (platform, chat_id, thread_id, story_key, fingerprint, card_ids,
          subscription_id, slot, position, row_id, message_id, updated_at)
        SELECT $1, $2, $3, e.story_key, e.fingerprint, e.card_ids, e.subscription_id, e.slot,
          e.position, e.row_id, e.message_id, $5
        FROM jsonb_to_recordset($4::jsonb) AS e(story_key text, fingerprint text, card_ids jsonb,
          subscription_id text, slot text, position integer, row_id text, message_id text)
        ON CONFLICT (platform, chat_id, thread_id, story_key) DO UPDATE SET
          fingerprint = excluded.fingerprint, card_ids = excluded.card_ids,
          subscription_id = excluded.subscription_id, slot = excluded.slot,
          position = excluded.position, row_id = excluded.row_id,
          message_id = excluded.message_id, updated_at = excluded.updated_at`,
        [
          target.platform,
          target.chatId,
          target.threadId ?? "",
          JSON.stringify(
            entries.map((e) => ({
              story_key: e.storyKey,
              fingerprint: e.fingerprint,
              card_ids: e.cardIds,
              subscription_id: e.subscriptionId,
              slot: e.slot,
              position: e.position,
              row_id: e.rowId,
              message_id: e.messageId,
            })),
          ),
          now,
        ],
      );
    },
    async recent(target, limit) {
      const { rows } = await db.query(
        `SELECT story_key AS "storyKey", fingerprint, card_ids AS "cardIds",
          subscription_id AS "subscriptionId", slot, position, row_id AS "rowId",
          message_id AS "messageId", updated_at AS "updatedAt"
        FROM story_log WHERE platform = $1 AND chat_id = $2 AND thread_id = $3
        ORDER BY updated_at DESC, story_key LIMIT $4`,
        [target.platform, target.chatId, target.threadId ?? "", limit],
      );
      return rows.map((row): StoryLogEntry =>
        parseRow(StoryLogRow, "story_log", String(row.storyKey), row),
      );
    },
    async attachMessage(target, rowId, messageId) {
      const { rowCount } = await db.query(
        `UPDATE story_log SET message_id = $5
        WHERE platform = $1 AND chat_id = $2 AND thread_id = $3 AND row_id = $4`,
        [target.platform, target.chatId, target.threadId ?? "", rowId, messageId],
      );
      return rowCount;
    },
  };
}
