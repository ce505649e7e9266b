import { rougeTokens } from "./rouge.js";

export interface SummaryMatch {
  index: number;
  /** Share of the summary's distinct words found in the matched sentence (1 = pure deletion). */
  coverage: number;
}

/**
 * The sentence a compressed summary came from: the one covering most of its words; ties go to the
 * tighter sentence (fewer extra words), then the earlier one. Compression only deletes spans (and
 * may name a "He"), so the true source covers nearly every word. Null when there is nothing to match.
 */
export function matchSummarySource(
  summary: string,
  sentences: readonly string[],
): SummaryMatch | null {
  const words = new Set(rougeTokens(summary));
  if (words.size === 0) return null;
  let best: { index: number; coverage: number; extra: number } | null = null;
  for (const [index, sentence] of sentences.entries()) {
    const own = new Set(rougeTokens(sentence));
    let shared = 0;
    for (const w of words) if (own.has(w)) shared++;
    const coverage = shared / words.size;
    const extra = own.size - shared;
    const better =
      !best ||
      coverage > best.coverage + 1e-12 ||
      (Math.abs(coverage - best.coverage) <= 1e-12 && extra < best.extra);
    if (better) best = { index, coverage, extra };
  }
  return best && best.coverage > 0 ? { index: best.index, coverage: best.coverage } : null;
}
