import type { FactCard } from "../../digest/index.js";
import { cardSearchText, compareNewest, queryWords, suggestionRank } from "../card-text.js";
import type { SyncCardStore, SyncReceivedStore } from "../sync-ports.js";

interface Entry {
  card: FactCard;
  date: string | null;
  arrivedAt: string;
  seq: number;
  text: string;
}

/** Cards in a Map, sorted lazily; mirrors the SQLite ordering and matching rules. */
export function createMemoryCardStore(received: Pick<SyncReceivedStore, "has">): SyncCardStore {
  const byId = new Map<string, Entry>();
  const bySource = new Map<string, string>();
  let seq = 0;
  let sorted: Entry[] | undefined;

  const newest = (): Entry[] => (sorted ??= [...byId.values()].sort(compareNewest));
  const remove = (id: string) => {
    const entry = byId.get(id);
    if (entry === undefined) return;
    byId.delete(id);
    bySource.delete(entry.card.source);
    sorted = undefined;
  };

  return {
    upsert(card, arrivedAt) {
      const currentId = bySource.get(card.source);
      const current = currentId === undefined ? undefined : byId.get(currentId);
      if (current?.card.id === card.id && JSON.stringify(current.card) === JSON.stringify(card)) {
        return "unchanged";
      }
      // Same text (same id) keeps its arrival: nothing new reached the reader.
      const sameText = byId.get(card.id);
      if (currentId !== undefined) remove(currentId);
      if (sameText !== undefined) remove(card.id);
      byId.set(card.id, {
        card: structuredClone(card),
        date: card.date,
        arrivedAt: sameText?.arrivedAt ?? arrivedAt.toISOString(),
        seq: sameText?.seq ?? ++seq,
        text: cardSearchText(card),
      });
      bySource.set(card.source, card.id);
      sorted = undefined;
      return current !== undefined || sameText !== undefined ? "replaced" : "inserted";
    },
    removeBySource(source) {
      const id = bySource.get(source);
      if (id === undefined) return false;
      remove(id);
      return true;
    },
    sources: () =>
      [...bySource.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([source, id]) => ({ source, id })),
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
      const words = queryWords(query);
      if (words.length === 0) return [];
      return newest()
        .filter((e) => words.every((w) => e.text.includes(w)))
        .slice(0, limit)
        .map((e) => structuredClone(e.card));
    },
    suggest(prefix, limit) {
      return newest()
        .map((e) => ({ e, rank: suggestionRank(e.card, prefix) }))
        .filter((x): x is { e: Entry; rank: number } => x.rank !== undefined)
        .sort((a, b) => a.rank - b.rank) // stable: newest first within a rank
        .slice(0, limit)
        .map(({ e }) => ({ id: e.card.id, title: e.card.title }));
    },
    unreceived(target, { arrivedSince, limit, offset }) {
      return newest()
        .filter((e) => arrivedSince === undefined || e.arrivedAt >= arrivedSince)
        .filter((e) => !received.has(target, e.card.id))
        .slice(offset, offset + limit)
        .map((e) => structuredClone(e.card));
    },
  };
}
