import { CARD_LIMITS } from "../card.js";
import type { Unit } from "./build-units.js";

const DIGIT = /\d/;

/** Long enough to name a topic and not a figure. */
function canBeTag(word: string): boolean {
  return word.length > 3 && !DIGIT.test(word);
}

/** Topic words: the article's most frequent content words, headline words first on ties. */
export function extractTags(
  units: readonly Unit[],
  titleWords: ReadonlySet<string>,
  max = CARD_LIMITS.maxTags,
): string[] {
  // Counted by word id; ids follow first use, so id order is the order words first appear.
  const words: string[] = [];
  const counts: number[] = [];
  for (const u of units) {
    u.contentIds.forEach((id, k) => {
      if (words[id] === undefined) {
        words[id] = u.content[k]!;
        counts[id] = 0;
      }
      counts[id]!++;
    });
  }
  const tf: Array<[string, number]> = [];
  words.forEach((w, id) => {
    if (counts[id]! >= 2 && canBeTag(w)) tf.push([w, counts[id]!]);
  });
  return tf
    .sort(
      (a, b) =>
        b[1] + (titleWords.has(b[0]) ? 0.5 : 0) - (a[1] + (titleWords.has(a[0]) ? 0.5 : 0)) ||
        a[0].localeCompare(b[0]),
    )
    .slice(0, max)
    .map(([w]) => w);
}
