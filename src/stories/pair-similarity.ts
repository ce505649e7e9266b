import type { DocFeatures } from "./doc-features.js";

/** Inverse document frequency of a term; `docs` (the collection size) lets norms be cached. */
export type Idf = ((term: string) => number) & { docs?: () => number };

export interface PairSimilarity {
  /** The combined score the index thresholds. */
  score: number;
  /** TF-IDF cosine over content words, entities and numbers. */
  cosine: number;
  /** The share (IDF-weighted) of each headline's names the other report also gives; the lower of the two. */
  leadCover: number;
  /** Fewest days between the two reports' dates, or null when either has none. */
  dayGap: number | null;
  /** Later-development cues one lead has and the other lacks. */
  cueMismatch: number;
  /** A headline's rate or score line is absent from another report that states its own. */
  figureConflict: boolean;
  /** One report is filed from a place the other names. */
  placeMatch: boolean;
  /** Both leads name countries and none is shared. */
  countryConflict: boolean;
}

function weight(count: number, idf: number): number {
  return (1 + Math.log(count)) * idf;
}

/** Norms drift slowly as the collection grows: a cached one is reused until it has grown 2%. */
const NORM_DRIFT = 0.02;

function norm(f: DocFeatures, idf: Idf): number {
  const docs = idf.docs?.();
  if (docs !== undefined && f.norm && Math.abs(f.norm.docs - docs) <= docs * NORM_DRIFT) {
    return f.norm.value;
  }
  let sum = 0;
  for (const [term, count] of f.terms) sum += weight(count, idf(term)) ** 2;
  const value = Math.sqrt(sum);
  if (docs !== undefined) f.norm = { docs, value };
  return value;
}

export function cosine(a: DocFeatures, b: DocFeatures, idf: Idf): number {
  const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, count] of small.terms) {
    const other = large.terms.get(term);
    if (other !== undefined) {
      const i = idf(term);
      dot += weight(count, i) * weight(other, i);
    }
  }
  if (dot === 0) return 0;
  return dot / (norm(a, idf) * norm(b, idf));
}

function cover(a: DocFeatures, b: DocFeatures, idf: Idf): number {
  let total = 0;
  let found = 0;
  for (const entity of a.titleEntities) {
    const w = idf(`@${entity}`);
    total += w;
    if (b.terms.has(`@${entity}`)) found += w;
  }
  return total > 0 ? found / total : 1;
}

/** Fewest days between two sets of days, or null when either is empty. */
export function daysApart(a: readonly number[], b: readonly number[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  let best = Infinity;
  for (const x of a) for (const y of b) best = Math.min(best, Math.abs(x - y));
  return best;
}

const dayGap = (a: DocFeatures, b: DocFeatures) => daysApart(a.days, b.days);

function cueMismatch(a: DocFeatures, b: DocFeatures): number {
  let n = 0;
  for (const cue of a.cues) if (!b.cues.has(cue)) n += 1;
  for (const cue of b.cues) if (!a.cues.has(cue)) n += 1;
  return n;
}

const isScore = (f: string) => /^\d+-\d+/.test(f);

function figureConflict(a: DocFeatures, b: DocFeatures): boolean {
  const clash = (x: DocFeatures, y: DocFeatures) => {
    const title = x.titleFixed.size > 0 && y.leadFixed.size > 0;
    if (title && ![...x.titleFixed].some((f) => y.allFixed.has(f))) return true;
    // The first result in a lead is the event's own; a report giving another result is of another match.
    const score = [...x.leadFixed].find(isScore);
    return score !== undefined && [...y.leadFixed].some(isScore) && !y.allFixed.has(score);
  };
  return clash(a, b) || clash(b, a);
}

function placeMatch(a: DocFeatures, b: DocFeatures): boolean {
  const names = (x: DocFeatures, place: string | null) =>
    place !== null && place.split(" ").every((w) => x.terms.has(`@${w}`));
  return names(b, a.place) || names(a, b.place);
}

export const SIMILARITY_WEIGHTS = {
  /** Days apart beyond which two reports are different news moments. */
  farDays: 4,
  farFactor: 0.3,
  cueFactor: 0.4,
  coverWeight: 0.5,
  conflictFactor: 0.2,
  /** Added when one report is filed from a place the other names: human-interest pieces share little else. */
  placeBonus: 0.06,
  countryFactor: 0.5,
} as const;

/** `storyGap`: the fewest days between the report and any dated member of the candidate story. */
export function pairSimilarity(
  a: DocFeatures,
  b: DocFeatures,
  idf: Idf,
  storyGap?: number | null,
): PairSimilarity {
  const cos = cosine(a, b, idf);
  const leadCover = Math.min(cover(a, b, idf), cover(b, a, idf));
  const gap = storyGap === undefined || storyGap === null ? dayGap(a, b) : storyGap;
  const place = placeMatch(a, b);
  const cues = cueMismatch(a, b);
  const w = SIMILARITY_WEIGHTS;
  let score = cos * (1 - w.coverWeight + w.coverWeight * leadCover) + (place ? w.placeBonus : 0);
  if (gap !== null && gap >= w.farDays) score *= w.farFactor;
  score *= w.cueFactor ** Math.min(cues, 2);
  const conflict = figureConflict(a, b);
  if (conflict) score *= w.conflictFactor;
  const countries =
    a.countries.size > 0 &&
    b.countries.size > 0 &&
    ![...a.countries].some((c) => b.countries.has(c));
  if (countries) score *= w.countryFactor;
  return {
    score,
    cosine: cos,
    leadCover,
    dayGap: gap,
    cueMismatch: cues,
    figureConflict: conflict,
    placeMatch: place,
    countryConflict: countries,
  };
}
