import { TERMINAL } from "./line-shapes.js";

/** A site name is a few words ("Bristol Evening Courier", "The Valley Ledger"); a headline is longer. */
const MAX_MASTHEAD_WORDS = 3;
/** Only the top of a page can hold a masthead. */
const LOOK_AHEAD = 6;

const words = (line: string) => line.trim().split(/\s+/).length;

/**
 * The lines above an article's own headline that a page puts first: a site name, short menu
 * leftovers. Found only when a short headline-like first line is followed, before any sentence,
 * by a longer headline-like line that stands on its own (not the start of a wrapped paragraph).
 */
export function findMasthead(
  lines: ReadonlyArray<string | null>,
  looksLikeHeadline: (line: string) => boolean,
): number[] {
  const content: number[] = [];
  for (let i = 0; i < lines.length && content.length < LOOK_AHEAD; i++)
    if (lines[i] !== null && lines[i]!.trim() !== "") content.push(i);
  const first = content[0] === undefined ? undefined : lines[content[0]]!;
  if (!first || words(first) > MAX_MASTHEAD_WORDS || !looksLikeHeadline(first)) return [];
  for (let k = 1; k < content.length; k++) {
    const line = lines[content[k]!]!.trim();
    if (TERMINAL.test(line)) return [];
    if (words(line) <= MAX_MASTHEAD_WORDS) continue;
    const next = lines.slice(content[k]! + 1).find((l) => l !== null);
    const standsAlone = next === undefined || next.trim() === "" || !/^\p{Ll}/u.test(next.trim());
    return looksLikeHeadline(line) && standsAlone ? content.slice(0, k) : [];
  }
  return [];
}
