import type { FactCard } from "../model/index.js";
import { cardSearchText } from "../store/index.js";

const patterns = new Map<string, RegExp>();

/** A keyword matches at the start of a word, case-insensitively: "tax" finds "Taxes", not "syntax". */
function keywordPattern(keyword: string): RegExp {
  const key = keyword.trim().toLowerCase();
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}`, "u");
    if (patterns.size > 1_000) patterns.clear();
    patterns.set(key, pattern);
  }
  return pattern;
}

/** Include: at least one keyword must match (when any are given). Exclude: none may match. */
export function matchesFilter(
  card: FactCard,
  filter: { include: readonly string[]; exclude: readonly string[] },
): boolean {
  if (filter.include.length === 0 && filter.exclude.length === 0) return true;
  const text = cardSearchText(card);
  const has = (keyword: string) => keywordPattern(keyword).test(text);
  return (filter.include.length === 0 || filter.include.some(has)) && !filter.exclude.some(has);
}
