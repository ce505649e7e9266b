import { STOPWORDS } from "./stopwords.js";

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const NUMERIC = /^[\d.,]+$/;

/** Lower-case word tokens of a sentence (numbers included). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** A crude plural fold, so "officers" and "officer" count as one word ("business" stays). */
export function foldPlural(word: string): string {
  return word.length > 4 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/** Topic-bearing words: no stopwords, no bare numbers, a crude plural fold so "officer(s)" match. */
export function contentWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.length < 2 || STOPWORDS.has(t) || NUMERIC.test(t)) continue;
    out.push(foldPlural(t));
  }
  return out;
}
