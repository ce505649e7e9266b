import { BULLET, TERMINAL } from "./line-shapes.js";

/** At most three words and no closing punctuation: a heading or a leftover link, never a sentence. */
const SHORT_BARE = /^\S+(?:\s+\S+){0,2}$/;

/**
 * Drops section headings and link leftovers ("Background", "Tesla" under "Related Topics") that
 * stand between sentences: short, bare, after a finished sentence (so never the tail of a
 * hard-wrapped line), and never the first content line (where a dateline may stand).
 */
export function dropHeadings(lines: Array<string | null>): void {
  let previous: string | null = null;
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (line === undefined) continue;
    if (line === "") {
      previous = null;
      continue;
    }
    const afterSentence = previous === null || TERMINAL.test(previous);
    if (
      seenContent &&
      afterSentence &&
      SHORT_BARE.test(line) &&
      !TERMINAL.test(line) &&
      !BULLET.test(line)
    ) {
      lines[i] = null;
      continue;
    }
    seenContent = true;
    previous = line;
  }
}
