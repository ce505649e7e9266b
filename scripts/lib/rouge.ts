/** Lower-case word tokens as ROUGE counts them; independent of the core's tokenizer on purpose. */
export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(" ");
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * ROUGE-N recall: reference n-grams matched by the candidate, each counted at most as often as the
 * candidate has it (clipped), over all reference n-grams. 0 when the reference has none.
 */
export function rougeNRecall(candidate: string, reference: string, n: number): number {
  const ref = ngramCounts(rougeTokens(reference), n);
  const cand = ngramCounts(rougeTokens(candidate), n);
  let total = 0;
  let hits = 0;
  for (const [gram, count] of ref) {
    total += count;
    hits += Math.min(count, cand.get(gram) ?? 0);
  }
  return total === 0 ? 0 : hits / total;
}
