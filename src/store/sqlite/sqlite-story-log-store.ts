import type { Database } from "better-sqlite3";
import { z } from "zod";
import type { StoryLogEntry } from "../ports.js";
import type { SyncStoryLogStore } from "../sync-ports.js";
import { jsonColumn, parseRow } from "./parse-row.js";

const StoryLogRow = z.object({
  storyKey: z.string().min(1),
  fingerprint: z.string(),
  cardIds: jsonColumn(z.array(z.string())),
  subscriptionId: z.string(),
  slot: z.string(),
  position: z.number().int(),
  rowId: z.string(),
  messageId: z.string().nullable(),
  updatedAt: z.string(),
});

const COLUMNS = `story_key AS storyKey, fingerprint, card_ids AS cardIds,
  subscription_id AS subscriptionId, slot, position, row_id AS rowId, message_id AS messageId,
  updated_at AS updatedAt`;

export function createSqliteStoryLogStore(db: Database): SyncStoryLogStore {
  const q = {
    upsert: db.prepare(`INSERT INTO story_log (platform, chat_id, thread_id, story_key, fingerprint,
        card_ids, subscription_id, slot, position, row_id, message_id, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (platform, chat_id, thread_id, story_key) DO UPDATE SET
        fingerprint = excluded.fingerprint, card_ids = excluded.card_ids,
        subscription_id = excluded.subscription_id, slot = excluded.slot,
        position = excluded.position, row_id = excluded.row_id,
        message_id = excluded.message_id, updated_at = excluded.updated_at`),
    recent: db.prepare(`SELECT ${COLUMNS} FROM story_log
      WHERE platform = ? AND chat_id = ? AND thread_id = ?
      ORDER BY updated_at DESC, story_key LIMIT ?`),
    attach: db.prepare(`UPDATE story_log SET message_id = ?
      WHERE platform = ? AND chat_id = ? AND thread_id = ? AND row_id = ?`),
  };
  const record = db.transaction(
    (
      target: Parameters<SyncStoryLogStore["record"]>[0],
      entries: Parameters<SyncStoryLogStore["record"]>[1],
      now: Date,
    ) => {
      for (const e of entries) {
        q.upsert.run(
          target.platform,
          target.chatId,
          target.threadId ?? "",
          e.storyKey,
          e.fingerprint,
          JSON.stringify(e.cardIds),
          e.subscriptionId,
          e.slot,
          e.position,
          e.rowId,
          e.messageId,
          now.toISOString(),
        );
      }
    },
  );
  return {
    record: (target, entries, now) => record(target, entries, now),
    recent: (target, limit) =>
      q.recent
        .all(target.platform, target.chatId, target.threadId ?? "", limit)
        .map((row): StoryLogEntry =>
          parseRow(StoryLogRow, "story_log", String((row as { storyKey?: unknown }).storyKey), row),
        ),
    attachMessage: (target, rowId, messageId) =>
      q.attach.run(messageId, target.platform, target.chatId, target.threadId ?? "", rowId).changes,
  };
}
