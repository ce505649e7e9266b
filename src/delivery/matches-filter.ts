import type { FactCard } from "../model/index.js";
import { cardSearchText, countHits, termsOf, tokenize } from "../store/index.js";

/**
 * Include: at least one keyword must match (when any are given). Exclude: none may match.
 * Keywords match as /search does: whole words, stemmed, a stored phrase as one keyword.
 */
export function matchesFilter(
  card: FactCard,
  filter: { include: readonly string[]; exclude: readonly string[] },
): boolean {
  if (filter.include.length === 0 && filter.exclude.length === 0) return true;
  const tokens = tokenize(cardSearchText(card));
  const has = (term: ReturnType<typeof termsOf>[number]) => countHits(tokens, term) > 0;
  const include = termsOf(filter.include);
  return (include.length === 0 || include.some(has)) && !termsOf(filter.exclude).some(has);
}
