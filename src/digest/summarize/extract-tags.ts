import { CARD_LIMITS } from "../card.js";
import type { Unit } from "./build-units.js";

/** Topic words: the article's most frequent content words, headline words first on ties. */
export function extractTags(
  units: readonly Unit[],
  titleWords: ReadonlySet<string>,
  max = CARD_LIMITS.maxTags,
): string[] {
  const tf = new Map<string, number>();
  for (const u of units)
    for (const w of u.content) if (w.length > 3 && !/\d/.test(w)) tf.set(w, (tf.get(w) ?? 0) + 1);
  return [...tf.entries()]
    .filter(([, n]) => n >= 2)
    .sort(
      (a, b) =>
        b[1] + (titleWords.has(b[0]) ? 0.5 : 0) - (a[1] + (titleWords.has(a[0]) ? 0.5 : 0)) ||
        a[0].localeCompare(b[0]),
    )
    .slice(0, max)
    .map(([w]) => w);
}
