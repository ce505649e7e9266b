/** The distinct ids of each sentence (a repeated word counts once). */
function distinctIds(ids: ReadonlyArray<readonly number[]>): number[][] {
  // The last sentence each id was seen in, so a repeat is skipped without a search.
  const seenIn: number[] = [];
  return ids.map((own, sentence) => {
    const distinct: number[] = [];
    for (const id of own) {
      if (seenIn[id] === sentence) continue;
      seenIn[id] = sentence;
      distinct.push(id);
    }
    return distinct;
  });
}

/**
 * Words shared by each pair of sentences (row-major n×n, upper triangle filled), counted through
 * an inverted index so pairs with nothing in common cost nothing.
 */
function sharedCounts(sets: readonly number[][]): Int32Array {
  const n = sets.length;
  const shared = new Int32Array(n * n);
  const postings: number[][] = [];
  for (let j = 0; j < n; j++) {
    for (const id of sets[j]!) {
      const list = (postings[id] ??= []);
      for (const i of list) shared[i * n + j]!++;
      list.push(j);
    }
  }
  return shared;
}

/**
 * TextRank centrality (Mihalcea & Tarau 2004) over content-word sets, given as word ids (small
 * non-negative integers, one per distinct word): a sentence that shares vocabulary with many others
 * states the article's core. Scores are normalized to [0, 1].
 */
export function centrality(
  wordIds: ReadonlyArray<readonly number[]>,
  damping = 0.85,
  iterations = 30,
): number[] {
  const n = wordIds.length;
  if (n === 0) return [];
  const sets = distinctIds(wordIds);
  const shared = sharedCounts(sets);
  const logSize = sets.map((s) => Math.log(Math.max(1, s.length)));
  // Nonzero edges as adjacency lists in ascending order: the sums below add the same terms in the
  // same order as a dense n×n loop would (the skipped terms are zeros), so scores are bit-for-bit equal.
  const start = new Int32Array(n + 1);
  const to: number[] = [];
  const weight: number[] = [];
  const outSums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const count = i < j ? shared[i * n + j]! : shared[j * n + i]!;
      const norm = logSize[i]! + logSize[j]!;
      if (i === j || count === 0 || norm <= 0) continue;
      to.push(j);
      weight.push(count / norm);
      outSums[i]! += count / norm;
    }
    start[i + 1] = to.length;
  }
  let scores = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  for (let iter = 0; iter < iterations; iter++) {
    next.fill(1 - damping);
    for (let j = 0; j < n; j++) {
      if (outSums[j] === 0) continue;
      const share = (damping * scores[j]!) / outSums[j]!;
      for (let e = start[j]!; e < start[j + 1]!; e++) next[to[e]!]! += weight[e]! * share;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta = Math.max(delta, Math.abs(next[i]! - scores[i]!));
    [scores, next] = [next, scores];
    if (delta < 1e-4) break;
  }
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  return Array.from(scores, (s) => (max > 0 ? s / max : 0));
}
