import { checkCut } from "./check-cut.js";
import { findNumbers } from "./numbers.js";
import { openMarks } from "./open-marks.js";
import { NEGATION } from "./stopwords.js";

/** Words an elided head may not end on: the reader would be left mid-phrase. */
const DANGLING =
  /\b(?:the|a|an|of|to|in|and|or|but|by|for|as|than|with|from|at|on|about|into|that|this|its|their|his|her|not|no|is|are|was|were|be|has|have|had|will|would|could|should|said|says|who|which|very|more|most|nearly|almost|some)$/i;
/** "in the third…" has lost its noun. */
const ORDINAL =
  /\b(?:first|second|third|fourth|fifth|last|next|previous|final|\d+(?:st|nd|rd|th)|one|two|three|four|five|six|seven|eight|nine|ten)$/i;
/** Shortest elided head worth a fact, as a share of the whole sentence. */
const ELIDE_MIN_SHARE = 0.6;

/** Marks that close what the head left open: `…"` after a cut inside a quote, `…)` inside brackets. */
function closers(head: string): string {
  const open = openMarks(head);
  return (open.parens > 0 ? ")" : "") + (open.straight % 2 === 1 ? '"' : open.curly > 0 ? "”" : "");
}

/** A place the head may stop: not on a function word, a figure ("up to 26…"), an ordinal, or inside a name. */
function canStop(head: string, tail: string): boolean {
  if (DANGLING.test(head) || ORDINAL.test(head) || /["“(\d]$/.test(head)) return false;
  return !(/\p{Lu}[\p{L}’'-]*$/u.test(head) && /^\s+\p{Lu}/u.test(tail));
}

/**
 * Last resort for a long sentence no clause cut fits: its opening up to a word boundary, marked
 * "…" (an open quote is closed after it). Only a head that passes `checkCut`, so it never loses a
 * figure or flips a claim; the full sentence stays the fact's provenance.
 */
export function elide(text: string, max: number): string | null {
  const body = text.replace(/[.!?]["”’]?$/, "");
  for (let at = body.lastIndexOf(" ", max - 2); at > 0; at = body.lastIndexOf(" ", at - 1)) {
    if (at < body.length * ELIDE_MIN_SHARE) return null;
    const tail = body.slice(at);
    // A tail with a figure or a negation fails the cut check, and so does every shorter head.
    if (findNumbers(tail).length > 0 || NEGATION.test(tail)) return null;
    const head = body.slice(0, at).replace(/[\s,;:–—-]+$/, "");
    if (!canStop(head, tail)) continue;
    const out = `${head}…${closers(head)}`;
    if (out.length <= max && checkCut(text, out).ok) return out;
  }
  return null;
}
