/** Classic TextRank settings (Mihalcea & Tarau 2004). */
export const TEXTRANK_DEFAULTS = {
  damping: 0.85,
  tolerance: 1e-6,
  maxIterations: 1000,
} as const satisfies Required<TextRankOptions>;

export interface TextRankOptions {
  damping?: number;
  tolerance?: number;
  maxIterations?: number;
}

/** Distinct shared words over log lengths; 0 when the logs sum to 0 (two one-word sentences). */
export function textRankSimilarity(a: readonly string[], b: readonly string[]): number {
  const norm = Math.log(a.length) + Math.log(b.length);
  if (a.length === 0 || b.length === 0 || norm <= 0) return 0;
  const inB = new Set(b);
  let shared = 0;
  for (const w of new Set(a)) if (inB.has(w)) shared++;
  return shared / norm;
}

/** One score per sentence (same order) from weighted PageRank over the similarity graph. */
export function textRankScores(
  sentences: readonly string[][],
  options: TextRankOptions = {},
): number[] {
  const { damping, tolerance, maxIterations } = { ...TEXTRANK_DEFAULTS, ...options };
  const n = sentences.length;
  const weights = sentences.map((a, i) =>
    sentences.map((b, j) => (i === j ? 0 : textRankSimilarity(a, b))),
  );
  const outSums = weights.map((row) => row.reduce((s, w) => s + w, 0));
  let scores = new Array<number>(n).fill(1);
  for (let iter = 0; iter < maxIterations; iter++) {
    const next = scores.map((_, i) => {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const w = weights[j]![i]!;
        if (w > 0) sum += (w / outSums[j]!) * scores[j]!;
      }
      return 1 - damping + damping * sum;
    });
    const delta = Math.max(0, ...next.map((s, i) => Math.abs(s - scores[i]!)));
    scores = next;
    if (delta < tolerance) break;
  }
  return scores;
}

/**
 * Indices of the k best sentences, best first. Scores within 1e-9 count as equal so float noise
 * cannot reorder them; equal scores go to the earlier sentence, as in news.
 */
export function textRankTop(
  sentences: readonly string[][],
  k: number,
  options?: TextRankOptions,
): number[] {
  const scores = textRankScores(sentences, options);
  return scores
    .map((score, index) => ({ score, index }))
    .sort((a, b) => (Math.abs(a.score - b.score) > 1e-9 ? b.score - a.score : a.index - b.index))
    .slice(0, Math.max(0, k))
    .map((s) => s.index);
}
