import type { FactCard } from "../../model/index.js";
import { cardTokens, compareNewest, rankSearch, suggestionRank } from "../card-text.js";
import type { SyncCardStore, SyncReceivedStore } from "../sync-ports.js";

interface Entry {
  card: FactCard;
  arrivedAt: string;
  seq: number;
  tokens: { title: string[]; all: string[] };
}

/** Cards in a Map, sorted lazily; mirrors the SQLite ordering and matching rules. */
export function createMemoryCardStore(received: Pick<SyncReceivedStore, "has">): SyncCardStore {
  const byId = new Map<string, Entry>();
  let seq = 0;
  let sorted: Entry[] | undefined;

  const newest = (): Entry[] => (sorted ??= [...byId.values()].sort(compareNewest));

  return {
    upsert(card, arrivedAt) {
      const current = byId.get(card.id);
      if (current !== undefined && JSON.stringify(current.card) === JSON.stringify(card)) {
        return "unchanged";
      }
      // A changed text keeps its card's arrival: the id is the item's, and readers had it already.
      byId.set(card.id, {
        card: structuredClone(card),
        arrivedAt: current?.arrivedAt ?? arrivedAt.toISOString(),
        seq: current?.seq ?? ++seq,
        tokens: cardTokens(card),
      });
      sorted = undefined;
      return current !== undefined ? "replaced" : "inserted";
    },
    removeItem(sourceId, key) {
      for (const [id, entry] of byId) {
        if (entry.card.sourceId !== sourceId || entry.card.key !== key) continue;
        byId.delete(id);
        sorted = undefined;
        return true;
      }
      return false;
    },
    items: (sourceId) =>
      [...byId.values()]
        .filter((e) => e.card.sourceId === sourceId)
        .map((e) => ({ key: e.card.key, id: e.card.id }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    count: () => byId.size,
    latest: ({ limit, offset }) =>
      newest()
        .slice(offset, offset + limit)
        .map((e) => structuredClone(e.card)),
    get(idOrPrefix) {
      const key = idOrPrefix.trim().toLowerCase();
      const exact = byId.get(key);
      if (exact !== undefined) return structuredClone(exact.card);
      if (key.length < 4) return undefined;
      const matches = [...byId.keys()].filter((id) => id.startsWith(key));
      const only = matches.length === 1 ? byId.get(matches[0] as string) : undefined;
      return only === undefined ? undefined : structuredClone(only.card);
    },
    search(query, limit) {
      return rankSearch(newest(), query, (e) => e.tokens, limit).map((e) =>
        structuredClone(e.card),
      );
    },
    suggest(prefix, limit) {
      return newest()
        .map((e) => ({ e, rank: suggestionRank(e.card, prefix) }))
        .filter((x): x is { e: Entry; rank: number } => x.rank !== undefined)
        .sort((a, b) => a.rank - b.rank) // stable: newest first within a rank
        .slice(0, limit)
        .map(({ e }) => ({ id: e.card.id, title: e.card.title }));
    },
    unreceived(target, { arrivedSince, sourceIds, limit, offset }) {
      return newest()
        .filter((e) => arrivedSince === undefined || e.arrivedAt >= arrivedSince)
        .filter((e) => sourceIds === undefined || sourceIds.includes(e.card.sourceId))
        .filter((e) => !received.has(target, e.card.id))
        .slice(offset, offset + limit)
        .map((e) => structuredClone(e.card));
    },
    retainCards(sourceId, olderThan) {
      const cutoff = olderThan.toISOString();
      let removed = 0;
      for (const [id, entry] of byId) {
        if (entry.card.sourceId !== sourceId || entry.arrivedAt >= cutoff) continue;
        byId.delete(id);
        removed++;
      }
      if (removed > 0) sorted = undefined;
      return removed;
    },
  };
}
