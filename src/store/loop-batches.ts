import type { EmbeddedParts, SyncParts } from "./sync-ports.js";

/** The batched methods of an embedded engine: a loop over the single ones (no round trips to save). */
export function loopBatches(parts: EmbeddedParts): SyncParts {
  const { cards, subscriptions, received, ledger, sources } = parts;
  return {
    ...parts,
    cards: {
      ...cards,
      unreceivedMany: (queries) => queries.map((q) => cards.unreceived(q.target, q)),
    },
    subscriptions: {
      ...subscriptions,
      getMany: (ids) => ids.map((id) => subscriptions.get(id)),
    },
    received: {
      ...received,
      markMany(marks, at) {
        for (const m of marks) received.mark(m.target, m.cardIds, m.subscriptionId, at);
      },
    },
    ledger: {
      ...ledger,
      insertNew: (rows, now) =>
        rows.filter((row) => ledger.insert([row], now) > 0).map((r) => r.id),
      slotStates: (keys) =>
        keys.map(({ subscriptionId, slot }) => ({
          hasSlot: ledger.hasSlot(subscriptionId, slot),
          hasAny: ledger.hasAny(subscriptionId),
          pending: ledger.pendingFor(subscriptionId),
        })),
    },
    sources: { ...sources, forChats: (chats) => chats.map((chat) => sources.forChat(chat)) },
  };
}
