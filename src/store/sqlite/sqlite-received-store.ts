import type { Database } from "better-sqlite3";
import type { SyncReceivedStore } from "../sync-ports.js";

export function createSqliteReceivedStore(db: Database): SyncReceivedStore {
  const q = {
    mark: db.prepare(`INSERT OR IGNORE INTO received
      (platform, chat_id, thread_id, card_id, subscription_id, received_at) VALUES (?, ?, ?, ?, ?, ?)`),
    has: db.prepare(`SELECT 1 FROM received
      WHERE platform = ? AND chat_id = ? AND thread_id = ? AND card_id = ?`),
    list: db.prepare(`SELECT card_id AS id FROM received
      WHERE platform = ? AND chat_id = ? AND thread_id = ? ORDER BY card_id`),
    // OR IGNORE keeps the target's own receipt when both chats had received a card.
    move: db.prepare(
      `UPDATE OR IGNORE received SET chat_id = ? WHERE platform = ? AND chat_id = ?`,
    ),
    dropLeftovers: db.prepare("DELETE FROM received WHERE platform = ? AND chat_id = ?"),
  };
  const mark = db.transaction(
    (
      target: Parameters<SyncReceivedStore["mark"]>[0],
      ids: readonly string[],
      sub: string,
      at: Date,
    ) => {
      for (const id of ids) {
        q.mark.run(
          target.platform,
          target.chatId,
          target.threadId ?? "",
          id,
          sub,
          at.toISOString(),
        );
      }
    },
  );
  const moveChat = db.transaction((platform: string, fromChatId: string, toChatId: string) => {
    const moved = q.move.run(toChatId, platform, fromChatId).changes;
    q.dropLeftovers.run(platform, fromChatId);
    return moved;
  });
  return {
    mark: (target, cardIds, subscriptionId, at) => mark(target, cardIds, subscriptionId, at),
    has: (target, cardId) =>
      q.has.get(target.platform, target.chatId, target.threadId ?? "", cardId) !== undefined,
    list: (target) =>
      (
        q.list.all(target.platform, target.chatId, target.threadId ?? "") as Array<{ id: string }>
      ).map((r) => r.id),
    moveChat: (platform, fromChatId, toChatId) => moveChat(platform, fromChatId, toChatId),
  };
}
