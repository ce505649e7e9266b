import type { FactCard } from "../model/index.js";

/** Lower-cased title, summary, facts and tags: what search and keyword filters look at. */
export function cardSearchText(card: FactCard): string {
  return [card.title, card.summary, ...card.facts.map((f) => f.text), ...card.tags]
    .join("\n")
    .toLowerCase();
}

/** The distinct lower-cased words of a query; an empty query has none. */
export function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))];
}

export interface CardOrderKey {
  date: string | null;
  arrivedAt: string;
  seq: number;
}

/** Newest first: card date descending with undated cards last, then arrival descending. */
export function compareNewest(a: CardOrderKey, b: CardOrderKey): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt < b.arrivedAt ? 1 : -1;
  return b.seq - a.seq;
}

/**
 * Autocomplete rank: 0 id starts with the prefix, 1 title starts with it, 2 title contains it,
 * undefined no match. Both sides are lower-cased; an empty prefix matches every card at rank 0.
 */
export function suggestionRank(
  card: { id: string; title: string },
  prefix: string,
): number | undefined {
  const p = prefix.trim().toLowerCase();
  if (p === "" || card.id.startsWith(p)) return 0;
  const title = card.title.toLowerCase();
  if (title.startsWith(p)) return 1;
  if (title.includes(p)) return 2;
  return undefined;
}
