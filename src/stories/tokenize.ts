import { STOP_WORDS } from "./stop-words.js";

/** Strips accents so that "Retšelisitsoe" and "Retselisitsoe" are one token. */
export function foldDiacritics(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "");
}

/** Crude plural fold so "storms" and "storm" count together; short words are left alone. */
export function foldPlural(word: string): string {
  if (word.length <= 4 || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
    return word;
  }
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

const WORD = /\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu;

/** Lower-cased, accent-free content words (letters only, no stop words, at least 3 letters). */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const match of foldDiacritics(text).toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(/['’]s$/, "").replace(/['’]/g, "");
    if (word.length < 3 || STOP_WORDS.has(word)) continue;
    for (const part of word.split("-")) {
      const folded = foldPlural(part);
      if (part.length >= 3 && !STOP_WORDS.has(part) && !STOP_WORDS.has(folded)) out.push(folded);
    }
  }
  return out;
}

/** Counts of each item. */
export function countTerms(items: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}
