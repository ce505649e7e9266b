import type { SourceRow } from "../model/index.js";
import type { ChatRef, Store } from "../store/index.js";

/**
 * A new source delivers no backlog: the cards of its first read are recorded as received by every
 * subscription whose chat reads the source (its own link, or the operator's sources for a chat
 * without links). Later subscriptions skip them anyway, since they arrived before they existed.
 */
export async function markBacklog(
  store: Pick<Store, "subscriptions" | "sources" | "received">,
  source: Pick<SourceRow, "id" | "addedBy">,
  cardIds: readonly string[],
  now: Date,
): Promise<number> {
  if (cardIds.length === 0) return 0;
  const ownByChat = new Map<string, string[]>();
  const own = async (chat: ChatRef) => {
    const key = `${chat.platform}:${chat.chatId}`;
    let ids = ownByChat.get(key);
    if (ids === undefined) {
      ids = (await store.sources.forChat(chat)).map((s) => s.id);
      ownByChat.set(key, ids);
    }
    return ids;
  };
  let marked = 0;
  for (const sub of await store.subscriptions.list()) {
    const ids = await own(sub.target);
    const reads = ids.length > 0 ? ids.includes(source.id) : source.addedBy === null;
    if (!reads) continue;
    await store.received.mark(sub.target, cardIds, sub.id, now);
    marked++;
  }
  return marked;
}
