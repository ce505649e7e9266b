import type { Idf } from "./pair-similarity.js";

export interface TermStats {
  addDoc(terms: Iterable<string>): void;
  removeDoc(terms: Iterable<string>): void;
  idf: Idf;
  /** Records that a story contains these terms (the inverted index). */
  post(storyId: string, terms: Iterable<string>): void;
  unpost(storyId: string, terms: Iterable<string>): void;
  /** Stories sharing the most informative terms of a report, best first, at most `limit`. */
  candidates(terms: Map<string, number>, limit: number): string[];
}

/** Terms looked up per new report: its rarest, most repeated words, names and numbers. */
const QUERY_TERMS = 30;
/** A term in more stories than this is too common to find candidates with. */
const MAX_POSTINGS = 120;

/** The `limit` ids with the most votes, best first; a typed-array cut first keeps big vote maps cheap. */
function topByVotes(votes: Map<string, number>, limit: number): string[] {
  let all = [...votes];
  if (all.length > limit * 4) {
    const values = Float64Array.from(all, ([, v]) => v).sort();
    const floor = values[values.length - limit]!;
    all = all.filter(([, v]) => v >= floor);
  }
  return all
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([id]) => id);
}

/** Document frequencies and an inverted index from term to the stories that hold it. */
export function createTermStats(): TermStats {
  const df = new Map<string, number>();
  const postings = new Map<string, Set<string>>();
  let docs = 0;

  const idf: Idf = Object.assign(
    (term: string) => Math.log((1 + docs) / (1 + (df.get(term) ?? 0))) + 1,
    { docs: () => docs },
  );

  return {
    idf,
    addDoc(terms) {
      docs += 1;
      for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
    },
    removeDoc(terms) {
      docs -= 1;
      for (const t of terms) {
        const n = (df.get(t) ?? 1) - 1;
        if (n > 0) df.set(t, n);
        else df.delete(t);
      }
    },
    post(storyId, terms) {
      for (const t of terms) {
        let set = postings.get(t);
        if (!set) postings.set(t, (set = new Set()));
        set.add(storyId);
      }
    },
    unpost(storyId, terms) {
      for (const t of terms) {
        const set = postings.get(t);
        set?.delete(storyId);
        if (set?.size === 0) postings.delete(t);
      }
    },
    candidates(terms, limit) {
      const query = [...terms]
        .map(([t, count]) => ({ t, w: (1 + Math.log(count)) * idf(t) }))
        .sort((a, b) => b.w - a.w)
        .slice(0, QUERY_TERMS);
      const votes = new Map<string, number>();
      for (const { t, w } of query) {
        const set = postings.get(t);
        if (!set || set.size > MAX_POSTINGS) continue;
        for (const id of set) votes.set(id, (votes.get(id) ?? 0) + w);
      }
      return topByVotes(votes, limit);
    },
  };
}
