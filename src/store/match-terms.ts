/**
 * Whole-word matching shared by /search and subscription filters, so both agree on what matches.
 * A term is one word or a quoted phrase; words match with simple stemming (plural s/es, -ing, -ed).
 */

/** Stems shorter than this are not used: "us" must not match "used". */
const MIN_STEM = 3;

/** Lower-cased words of a text: runs of letters and digits. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The word and its suffix-stripped forms; every form is a prefix of the word. */
export function stemsOf(word: string): string[] {
  const out = new Set([word]);
  const add = (stem: string) => {
    if (stem.length >= MIN_STEM) out.add(stem);
  };
  if (word.endsWith("ing")) {
    add(word.slice(0, -3));
    add(`${word.slice(0, -3)}e`);
  }
  if (word.endsWith("ed")) {
    add(word.slice(0, -2));
    add(word.slice(0, -1));
  }
  if (word.endsWith("es")) add(word.slice(0, -2));
  if (word.endsWith("s") && !word.endsWith("ss")) add(word.slice(0, -1));
  return [...out];
}

/** One search or filter term: its words in order (a phrase has several). */
export interface Term {
  text: string;
  words: string[];
}

/**
 * Terms of user input: `"quoted phrases"` stay together, leading `+`/`-` and stray quotes are
 * dropped, duplicates removed. `+budget "central bank"` gives "budget" and "central bank".
 */
export function parseTerms(input: string): Term[] {
  const seen = new Map<string, Term>();
  for (const match of input.matchAll(/[+-]*"([^"]*)"|(\S+)/g)) {
    const words = tokenize(match[1] ?? match[2] ?? "");
    if (words.length === 0) continue;
    const text = words.join(" ");
    if (!seen.has(text)) seen.set(text, { text, words });
  }
  return [...seen.values()];
}

/** Each term of a keyword list (a stored keyword may itself be a phrase). */
export const termsOf = (keywords: readonly string[]): Term[] =>
  keywords.flatMap((k) => (k.includes(" ") ? [{ text: k, words: tokenize(k) }] : parseTerms(k)));

interface CompiledWord {
  /** The shortest stem: every matching token starts with it (a cheap first test). */
  probe: string;
  stems: ReadonlySet<string>;
}

const compiled = new WeakMap<Term, CompiledWord[]>();

function compile(term: Term): CompiledWord[] {
  let words = compiled.get(term);
  if (words === undefined) {
    words = term.words.map((w) => {
      const stems = stemsOf(w);
      return {
        probe: stems.reduce((a, b) => (b.length < a.length ? b : a)),
        stems: new Set(stems),
      };
    });
    compiled.set(term, words);
  }
  return words;
}

const matchesWord = (token: string, word: CompiledWord): boolean =>
  token.startsWith(word.probe) && stemsOf(token).some((s) => word.stems.has(s));

/** How many times `term` occurs in `tokens` (as whole words, stemmed). */
export function countHits(tokens: readonly string[], term: Term): number {
  const words = compile(term);
  const n = words.length;
  if (n === 0) return 0;
  let hits = 0;
  for (let i = 0; i + n <= tokens.length; i++) {
    let all = true;
    for (let j = 0; j < n && all; j++) all = matchesWord(tokens[i + j]!, words[j]!);
    if (all) hits++;
  }
  return hits;
}

/** A substring every text matching `term` contains: for a cheap pre-filter (e.g. in SQL). */
export function termProbes(term: Term): string[] {
  return compile(term).map((w) => w.probe);
}

export interface Relevance {
  titleHits: number;
  hits: number;
}

/** Hits of every term, or undefined when some term is missing. */
export function relevance(
  titleTokens: readonly string[],
  tokens: readonly string[],
  terms: readonly Term[],
): Relevance | undefined {
  let titleHits = 0;
  let hits = 0;
  for (const term of terms) {
    const n = countHits(tokens, term);
    if (n === 0) return undefined;
    hits += n;
    titleHits += countHits(titleTokens, term);
  }
  return { titleHits, hits };
}

/** Title hits first, then all hits; 0 keeps the incoming (newest-first) order. */
export const compareRelevance = (a: Relevance, b: Relevance): number =>
  b.titleHits - a.titleHits || b.hits - a.hits;
