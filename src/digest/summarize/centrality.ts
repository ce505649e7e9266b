/**
 * TextRank centrality (Mihalcea & Tarau 2004) over content-word sets: a sentence that shares
 * vocabulary with many others states the article's core. Scores are normalized to [0, 1].
 */
export function centrality(
  sets: ReadonlyArray<ReadonlySet<string>>,
  damping = 0.85,
  iterations = 30,
): number[] {
  const n = sets.length;
  if (n === 0) return [];
  const weights: number[][] = sets.map(() => new Array<number>(n).fill(0));
  const logs = sets.map((s) => Math.log(Math.max(1, s.size)));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const norm = logs[i]! + logs[j]!;
      if (norm <= 0) continue;
      let shared = 0;
      const [small, large] =
        sets[i]!.size < sets[j]!.size ? [sets[i]!, sets[j]!] : [sets[j]!, sets[i]!];
      for (const w of small) if (large.has(w)) shared++;
      weights[i]![j] = weights[j]![i] = shared / norm;
    }
  }
  const outSums = weights.map((row) => row.reduce((s, w) => s + w, 0));
  let scores = new Array<number>(n).fill(1);
  for (let iter = 0; iter < iterations; iter++) {
    const next = new Array<number>(n).fill(1 - damping);
    for (let j = 0; j < n; j++) {
      if (outSums[j] === 0) continue;
      const share = (damping * scores[j]!) / outSums[j]!;
      const row = weights[j]!;
      for (let i = 0; i < n; i++) if (row[i]! > 0) next[i]! += row[i]! * share;
    }
    scores = next;
  }
  const max = Math.max(...scores);
  return scores.map((s) => (max > 0 ? s / max : 0));
}
