import type { ReceivedStore } from "../ports.js";
import type { PgDb } from "./pg-db.js";

export function createPostgresReceivedStore(db: PgDb): ReceivedStore {
  return {
    async mark(target, cardIds, subscriptionId, at) {
      if (cardIds.length === 0) return;
      await db.query(
        `INSERT INTO received (platform, chat_id, thread_id, card_id, subscription_id, received_at)
        SELECT $1, $2, $3, card_id, $5, $6 FROM unnest($4::text[]) AS card_id
        ON CONFLICT DO NOTHING`,
        [target.platform, target.chatId, target.threadId ?? "", [...cardIds], subscriptionId, at],
      );
    },
    async markMany(marks, at) {
      const flat = marks.flatMap((m) =>
        m.cardIds.map((cardId) => [
          m.target.platform,
          m.target.chatId,
          m.target.threadId ?? "",
          cardId,
          m.subscriptionId,
        ]),
      );
      if (flat.length === 0) return;
      const column = (i: number) => flat.map((f) => f[i]);
      await db.query(
        `INSERT INTO received (platform, chat_id, thread_id, card_id, subscription_id, received_at)
        SELECT p, c, t, card, s, $6
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS k(p, c, t, card, s)
        ON CONFLICT DO NOTHING`,
        [column(0), column(1), column(2), column(3), column(4), at],
      );
    },
    async has(target, cardId) {
      const { rows } = await db.query(
        `SELECT 1 FROM received
        WHERE platform = $1 AND chat_id = $2 AND thread_id = $3 AND card_id = $4`,
        [target.platform, target.chatId, target.threadId ?? "", cardId],
      );
      return rows.length > 0;
    },
    async list(target) {
      const { rows } = await db.query(
        `SELECT card_id AS id FROM received
        WHERE platform = $1 AND chat_id = $2 AND thread_id = $3 ORDER BY card_id`,
        [target.platform, target.chatId, target.threadId ?? ""],
      );
      return rows.map((r) => String(r.id));
    },
    moveChat: (platform, fromChatId, toChatId) =>
      db.atomic(async (tx) => {
        // Skips receipts the target already has (SQLite's UPDATE OR IGNORE), then drops those.
        const moved = await tx.query(
          `UPDATE received r SET chat_id = $3 WHERE r.platform = $1 AND r.chat_id = $2
            AND NOT EXISTS (SELECT 1 FROM received t WHERE t.platform = r.platform
              AND t.chat_id = $3 AND t.thread_id = r.thread_id AND t.card_id = r.card_id)`,
          [platform, fromChatId, toChatId],
        );
        await tx.query("DELETE FROM received WHERE platform = $1 AND chat_id = $2", [
          platform,
          fromChatId,
        ]);
        return moved.rowCount;
      }),
  };
}
