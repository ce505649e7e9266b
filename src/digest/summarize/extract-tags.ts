import { CARD_LIMITS } from "../../model/index.js";
import type { Unit } from "./build-units.js";
import { STOPWORDS } from "./stopwords.js";
import { termFrequencies } from "./term-frequencies.js";
import { foldPlural, tokenize } from "./tokenize.js";

const DIGIT = /\d/;
/** Words frequent in any news story that name no topic: "#month" or "#result" tells a reader nothing. */
const GENERIC = new Set(
  `month week day days weeks months time times first last second third recent latest former mean
  means result results number numbers part parts way ways thing things lot people told many much
  even well back still made make makes take takes took come comes came going expected since around
  earlier later early late next including include includes total level levels high higher low lower
  group report reported move moves plan plans deal deals figure figures continue continued attempt
  monday tuesday wednesday thursday friday saturday sunday hundred thousand million billion
  trillion percent whether january february march april june july august september october november
  december`.split(/\s+/),
);
/** The token without a possessive ending ("china's" -> "china"); no regex, it runs per token. */
function withoutPossessive(token: string): string {
  const last = token.charCodeAt(token.length - 1);
  if (last === 39 || last === 0x2019) return token.slice(0, -1);
  const before = token.charCodeAt(token.length - 2);
  if (last === 115 && (before === 39 || before === 0x2019)) return token.slice(0, -2);
  return token;
}

/** The word a tag counts under: no possessive, plurals folded, or null when it cannot be a tag. */
function tagKey(surface: string): string | null {
  if (surface.length <= 3 || STOPWORDS.has(surface) || GENERIC.has(surface) || DIGIT.test(surface))
    return null;
  return foldPlural(surface);
}

/**
 * Topic words: the article's most frequent words, headline words first on ties, each shown in
 * the form the article uses most ("yukos", not the folded "yuko"). Deterministic: ties go to the
 * word that appears first.
 */
export function extractTags(
  units: readonly Unit[],
  title: string,
  max = CARD_LIMITS.maxTags,
): string[] {
  // Counted by the units' content-word ids (arrays, no per-token lookups), then merged per key;
  // ids follow first use, so id order is the order words first appear.
  const tf = termFrequencies(units);
  const words: string[] = [];
  for (const unit of units) unit.contentIds.forEach((id, k) => (words[id] ??= unit.content[k]!));
  const counts = new Map<string, number>();
  words.forEach((word, id) => {
    const key = tagKey(withoutPossessive(word));
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + tf[id]!);
  });
  const inTitle = new Set(tokenize(title).flatMap((t) => tagKey(withoutPossessive(t)) ?? []));
  const weight = (key: string) => counts.get(key)! + (inTitle.has(key) ? 0.5 : 0);
  const chosen = [...counts.keys()]
    .filter((key) => counts.get(key)! >= 2)
    .map((key, order) => ({ key, order, weight: weight(key) }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, max)
    .map(({ key }) => key);
  return chosen.map(shownForms(units, chosen));
}

/** For each chosen key, the form the article writes most often ("yukos" for the folded "yuko"). */
function shownForms(units: readonly Unit[], keys: readonly string[]): (key: string) => string {
  const wanted = new Set(keys);
  const seen = new Map<string, Map<string, number>>();
  for (const unit of units)
    for (const token of unit.tokens) {
      const surface = withoutPossessive(token);
      // Only a key itself or its plural can fold to it: every other token is skipped cheaply.
      const key = wanted.has(surface)
        ? surface
        : surface.endsWith("s") && wanted.has(surface.slice(0, -1))
          ? tagKey(surface)
          : null;
      if (key === null || !wanted.has(key)) continue;
      const forms = seen.get(key) ?? new Map<string, number>();
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
      seen.set(key, forms);
    }
  return (key) => {
    let best = key;
    let most = 0;
    for (const [form, n] of seen.get(key) ?? []) if (n > most) [best, most] = [form, n];
    return best;
  };
}
