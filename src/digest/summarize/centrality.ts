/**
 * TextRank centrality (Mihalcea & Tarau 2004) over content-word sets: a sentence that shares
 * vocabulary with many others states the article's core. Scores are normalized to [0, 1].
 */
export function centrality(
  words: ReadonlyArray<readonly string[]>,
  damping = 0.85,
  iterations = 30,
): number[] {
  const n = words.length;
  if (n === 0) return [];
  // Distinct word ids per sentence, sorted, so overlaps are a linear merge instead of set lookups.
  const ids = new Map<string, number>();
  const sets = words.map((ws) => {
    const own = new Set<number>();
    for (const w of ws) {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      own.add(id);
    }
    return Int32Array.from(own).sort();
  });
  const weights = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = sets[i]!;
    for (let j = i + 1; j < n; j++) {
      const b = sets[j]!;
      const norm = Math.log(Math.max(1, a.length)) + Math.log(Math.max(1, b.length));
      if (norm <= 0) continue;
      let shared = 0;
      for (let x = 0, y = 0; x < a.length && y < b.length;) {
        if (a[x] === b[y]) {
          shared++;
          x++;
          y++;
        } else if (a[x]! < b[y]!) x++;
        else y++;
      }
      weights[i * n + j] = weights[j * n + i] = shared / norm;
    }
  }
  const outSums = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) outSums[i]! += weights[i * n + j]!;
  let scores = new Float64Array(n).fill(1);
  for (let iter = 0; iter < iterations; iter++) {
    const next = new Float64Array(n).fill(1 - damping);
    for (let j = 0; j < n; j++) {
      if (outSums[j] === 0) continue;
      const share = (damping * scores[j]!) / outSums[j]!;
      for (let i = 0; i < n; i++) next[i]! += weights[j * n + i]! * share;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta = Math.max(delta, Math.abs(next[i]! - scores[i]!));
    scores = next;
    if (delta < 1e-4) break;
  }
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  return Array.from(scores, (s) => (max > 0 ? s / max : 0));
}
