import { CARD_LIMITS } from "../card.js";
import type { Unit } from "./build-units.js";
import { STOPWORDS } from "./stopwords.js";
import { tokenize } from "./tokenize.js";

/** A possessive ending: "China's" is "China", "companies'" is "companies". */
const POSSESSIVE = /['’]s?$/;
const DIGIT = /\d/;
/** Words frequent in any news story that name no topic: "#month" or "#result" tells a reader nothing. */
const GENERIC = new Set(
  `month week day days weeks months time times first last second third recent latest former mean
  means result results number numbers part parts way ways thing things lot people told many much
  even well back still made make makes take takes took come comes came going expected since around
  earlier later early late next including include includes total level levels high higher low lower
  group report reported move moves plan plans deal deals figure figures continue continued attempt
  monday tuesday wednesday thursday friday saturday sunday hundred thousand million billion
  trillion percent january february march april june july august september october november
  december`.split(/\s+/),
);
/** A capitalised word after a sentence's first: a name, place or organisation. */
const INNER_CAPITAL = /(?<=[\s(“"‘-])\p{Lu}[\p{L}’'-]+/gu;

/** The word a tag counts under: no possessive, plurals folded, or null when it cannot be a tag. */
function tagKey(token: string): string | null {
  const word = token.replace(POSSESSIVE, "");
  if (word.length <= 3 || DIGIT.test(word) || STOPWORDS.has(word) || GENERIC.has(word)) return null;
  return word.length > 4 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/**
 * Topic words: the article's most frequent words, names and headline words first, each shown in
 * the form the article uses most ("yukos", not the folded "yuko"). Deterministic: ties go to the
 * word that appears first.
 */
export function extractTags(
  units: readonly Unit[],
  title: string,
  max = CARD_LIMITS.maxTags,
): string[] {
  const counts = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  const names = new Set<string>();
  for (const unit of units) {
    for (const token of unit.tokens) {
      const key = tagKey(token);
      if (key === null) continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const forms = surfaces.get(key) ?? new Map<string, number>();
      const surface = token.replace(POSSESSIVE, "");
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
      surfaces.set(key, forms);
    }
    for (const match of unit.text.matchAll(INNER_CAPITAL)) {
      const key = tagKey(match[0].toLowerCase());
      if (key !== null) names.add(key);
    }
  }
  const inTitle = new Set(tokenize(title).flatMap((t) => tagKey(t) ?? []));
  const weight = (key: string) =>
    counts.get(key)! + (inTitle.has(key) ? 0.5 : 0) + (names.has(key) ? 1 : 0);
  return [...counts.keys()]
    .filter((key) => counts.get(key)! >= 2)
    .map((key, order) => ({ key, order, weight: weight(key) }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, max)
    .map(({ key }) => {
      let best = key;
      let most = 0;
      for (const [form, n] of surfaces.get(key)!) if (n > most) [best, most] = [form, n];
      return best;
    });
}
