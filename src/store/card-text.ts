import type { FactCard } from "../model/index.js";
import {
  compareRelevance,
  parseTerms,
  relevance,
  tokenize,
  type Relevance,
} from "./match-terms.js";

/** Lower-cased title, summary, facts and tags: what search and keyword filters look at. */
export function cardSearchText(card: FactCard): string {
  return [card.title, card.summary, ...card.facts.map((f) => f.text), ...card.tags]
    .join("\n")
    .toLowerCase();
}

/** The words of a card's title and of its search text, for whole-word matching. */
export function cardTokens(card: FactCard): { title: string[]; all: string[] } {
  return { title: tokenize(card.title), all: tokenize(cardSearchText(card)) };
}

export interface CardOrderKey {
  arrivedAt: string;
  seq: number;
}

/** Newest first: latest arrival first (what /latest and digests show), then insertion order. */
export function compareNewest(a: CardOrderKey, b: CardOrderKey): number {
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

/**
 * Items (newest first) containing every term of `query` as whole words, the most relevant first:
 * title hits, then all hits, then newest; at most `limit`.
 */
export function rankSearch<T>(
  items: Iterable<T>,
  query: string,
  tokensOf: (item: T) => { title: string[]; all: string[] },
  limit: number,
): T[] {
  const terms = parseTerms(query);
  if (terms.length === 0) return [];
  const found: Array<{ item: T; score: Relevance }> = [];
  for (const item of items) {
    const tokens = tokensOf(item);
    const score = relevance(tokens.title, tokens.all, terms);
    if (score !== undefined) found.push({ item, score });
  }
  // Array.prototype.sort is stable: equal relevance keeps newest first.
  return found
    .sort((a, b) => compareRelevance(a.score, b.score))
    .slice(0, limit)
    .map((f) => f.item);
}
