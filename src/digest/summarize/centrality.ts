// Plain arrays throughout: a typed array costs about a microsecond to allocate, more than these
// small per-article loops.

/** The sentences a sentence shares words with, ascending, and the weight of each edge. */
interface Edges {
  to: number[];
  weight: number[];
}

/** The distinct ids of each sentence (a repeated word counts once), in first-seen order. */
function distinctIds(wordIds: ReadonlyArray<readonly number[]>, idLimit: number): number[][] {
  // The last sentence each id was seen in, so a repeat is skipped without a search.
  const seenIn: number[] = new Array<number>(idLimit).fill(-1);
  return wordIds.map((own, sentence) => {
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
 * TextRank's graph: an edge wherever two sentences share a word, weighted by the distinct shared
 * words over the sum of their log sizes. Each sentence's edges come out in ascending order.
 */
function edgeLists(sets: readonly number[][], idLimit: number): Edges[] {
  const logSize = sets.map((s) => Math.log(Math.max(1, s.length)));
  const edges: Edges[] = sets.map(() => ({ to: [], weight: [] }));
  // The sentence that last marked each id: with sentence j's words marked, an overlap is a lookup per word.
  const markedBy: number[] = new Array<number>(idLimit).fill(-1);
  for (let j = 0; j < sets.length; j++) {
    for (const id of sets[j]!) markedBy[id] = j;
    for (let i = 0; i < j; i++) {
      const norm = logSize[i]! + logSize[j]!;
      if (norm <= 0) continue;
      let shared = 0;
      for (const id of sets[i]!) if (markedBy[id] === j) shared++;
      if (shared === 0) continue;
      // Row j receives its lower columns now, row i its higher ones: both stay ascending.
      edges[i]!.to.push(j);
      edges[i]!.weight.push(shared / norm);
      edges[j]!.to.push(i);
      edges[j]!.weight.push(shared / norm);
    }
  }
  return edges;
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
  let idLimit = 0;
  for (const own of wordIds) for (const id of own) if (id >= idLimit) idLimit = id + 1;
  const edges = edgeLists(distinctIds(wordIds, idLimit), idLimit);
  // Sums over ascending edges add the same terms in the same order as dense n×n loops would (the
  // missing terms are zeros), so scores are bit-for-bit those of the dense formulation.
  const outSums = edges.map(({ weight }) => weight.reduce((sum, w) => sum + w, 0));
  let scores: number[] = new Array<number>(n).fill(1);
  let next: number[] = new Array<number>(n).fill(0);
  for (let iter = 0; iter < iterations; iter++) {
    next.fill(1 - damping);
    for (let j = 0; j < n; j++) {
      if (outSums[j] === 0) continue;
      const share = (damping * scores[j]!) / outSums[j]!;
      const { to, weight } = edges[j]!;
      for (let e = 0; e < to.length; e++) next[to[e]!]! += weight[e]! * share;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta = Math.max(delta, Math.abs(next[i]! - scores[i]!));
    const previous = scores;
    scores = next;
    next = previous;
    if (delta < 1e-4) break;
  }
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  return scores.map((s) => (max > 0 ? s / max : 0));
}
