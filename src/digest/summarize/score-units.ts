import { PRONOUN_OPENERS } from "./stopwords.js";
import type { Unit } from "./build-units.js";
import { contentWords, tokenize } from "./tokenize.js";
import { centrality } from "./centrality.js";
import { termFrequencies } from "./term-frequencies.js";

/**
 * Weights tuned on the BBC sample (docs/quality.md): average term frequency (centrality by the
 * article's own vocabulary) dominates, position and headline overlap break ties, as in news leads.
 */
export const SCORE_WEIGHTS = {
  position: 0.5,
  frequencySum: 0.5,
  titleOverlap: 0.5,
  hasNumber: 0.2,
  properNouns: 0.5,
  list: 1,
  frequencyAvg: 3,
  centrality: 4,
  pronounStart: 0.3,
  quote: 0.1,
  tooShort: 1,
  commentary: 3,
  firstParagraph: 1,
} as const;

/** Analysis rather than fact ("highlights the challenges", "serves as a reminder"): a fact card wants facts. */
const COMMENTARY =
  /\b(?:highlight(?:s|ed|ing)?|underscor(?:e|es|ed|ing)|underlin(?:e|es|ed|ing)|signal(?:s|ed|led|ling)? (?:a|an|the)|reflect(?:s|ed|ing)?|illustrat(?:e|es|ed|ing)|serv(?:e|es|ed|ing) as a reminder|dr(?:aw|awn|ew|aws) attention|spark(?:s|ed)? debates?|raise[sd]? questions|remains to be seen|complexities|broader (?:commitment|context|implications)|closely monitoring|suggest(?:s|ed)? (?:a|an) (?:renewed|broader|new|shift|change))\b/i;

/** Capitalised words after the first: names, places, organisations (specifics a reader wants). */
const INNER_CAPITAL = /[\s(“"‘-](?!I\b)\p{Lu}/gu;
function properNounCount(text: string): number {
  return text.match(INNER_CAPITAL)?.length ?? 0;
}

const CLITIC = /['’](?:s|re|ve|ll|d)$/;
const DIGIT = /\d/;
const OPENING_QUOTE = /^["“'‘]/;

export function startsWithPronoun(unit: Pick<Unit, "tokens">): boolean {
  return PRONOUN_OPENERS.has((unit.tokens[0] ?? "").replace(CLITIC, ""));
}

function countIn(words: readonly string[], set: ReadonlySet<string>): number {
  let n = 0;
  for (const word of words) if (set.has(word)) n++;
  return n;
}

/** One score per unit, same order. Deterministic: no randomness, no iteration over unordered keys. */
export function scoreUnits(units: readonly Unit[], title: string | null): number[] {
  const tf = termFrequencies(units);
  let maxTf = 1;
  for (const v of tf) if (v > maxTf) maxTf = v;
  const titleWords = new Set(title ? contentWords(tokenize(title)) : []);
  const sums = units.map((u) => {
    let sum = 0;
    for (const id of u.contentIds) sum += tf[id]!;
    return sum / maxTf;
  });
  const maxSum = Math.max(1e-9, ...sums);
  const w = SCORE_WEIGHTS;
  const central = w.centrality ? centrality(units.map((u) => u.contentIds)) : [];
  return units.map((u, i) => {
    const overlap = titleWords.size ? countIn(u.content, titleWords) / titleWords.size : 0;
    const avg = sums[i]! / Math.max(1, u.content.length);
    return (
      w.position / (1 + u.index) +
      w.firstParagraph * (u.paragraph === units[0]!.paragraph ? 1 : 0) +
      w.frequencySum * (sums[i]! / maxSum) +
      w.titleOverlap * Math.min(1, overlap) +
      w.hasNumber * (DIGIT.test(u.text) ? 1 : 0) +
      w.list * (u.list ? 1 : 0) +
      (w.properNouns * Math.min(4, properNounCount(u.text))) / 4 +
      w.frequencyAvg * avg +
      w.centrality * (central[i] ?? 0) -
      w.pronounStart * (startsWithPronoun(u) ? 1 : 0) -
      w.quote * (OPENING_QUOTE.test(u.text) ? 1 : 0) -
      w.tooShort * (u.content.length < 4 && !u.list ? 1 : 0) -
      w.commentary * (COMMENTARY.test(u.text) ? 1 : 0)
    );
  });
}
