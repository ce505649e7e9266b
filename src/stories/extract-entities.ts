import { STOP_WORDS } from "./stop-words.js";
import { foldDiacritics, foldPlural } from "./tokenize.js";

const TOKEN = /\p{Lu}[\p{L}'’.-]*|\p{Ll}[\p{L}'’-]*|[.!?:;"“”—–]|\n/gu;
const BREAK = /^[.!?:;"“”—–\n]$/;

function normal(word: string): string {
  return foldPlural(
    foldDiacritics(word)
      .toLowerCase()
      .replace(/['’]s$/, "")
      .replace(/[.'’]/g, ""),
  );
}

/**
 * Names and places: capitalised words that do not open a sentence (or open two), and upper-case
 * dateline words.
 * Returned folded and lower-cased.
 */
export function extractEntities(text: string): Set<string> {
  const inside = new Set<string>();
  const lower = new Set<string>();
  const openers = new Map<string, number>();
  let atStart = true;
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (BREAK.test(token)) {
      atStart = true;
      continue;
    }
    if (!/^\p{Lu}/u.test(token)) lower.add(normal(token));
    else {
      for (const part of token.split("-")) {
        const word = normal(part);
        if (
          word.length < 2 ||
          STOP_WORDS.has(word) ||
          STOP_WORDS.has(part.toLowerCase()) ||
          !/^\p{Lu}/u.test(part)
        )
          continue;
        const shouted = part.length >= 3 && part === part.toUpperCase();
        if (!atStart || shouted) inside.add(word);
        else openers.set(word, (openers.get(word) ?? 0) + 1);
      }
    }
    atStart = false;
  }
  // An opener capitalised twice ("Norges Bank ... Norges Bank said") is a name too.
  for (const [word, n] of openers) if (n >= 2) inside.add(word);
  // A word also written in lower case ("Court", "National") is a common noun, not a name.
  for (const word of lower) inside.delete(word);
  return inside;
}

const DATELINE = /^\s*(\p{Lu}[\p{Lu}'’. -]+\p{Lu})\s*(?:,|—|–|--|\(| -)/mu;

/** The upper-case place a report is filed from ("KIGOMA, Tanzania —"), folded, or null. */
export function datelinePlace(text: string): string | null {
  const m = DATELINE.exec(text.slice(0, 400));
  if (!m) return null;
  const words = m[1]!
    .split(/\s+/)
    .map(normal)
    .filter((w) => w.length >= 2);
  return words.length > 0 && words.length <= 4 ? words.join(" ") : null;
}
