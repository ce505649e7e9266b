/** Headings of a block of link teasers: every line under them is a link, never article text. */
const LINKS_HEADING =
  /^(?:related(?: stories| articles| content| links| coverage| reading)?|read more|see also|more on this (?:story|topic)|most read|most popular|more stories|you might also like|recommended(?: for you)?|top stories|trending(?: now)?|latest stories)\s*:?$/i;
/** Headings of press-release boilerplate: contacts, the company profile, legal notices. */
const BOILERPLATE_HEADING =
  /^(?:(?:(?:media|press|investor) )?(?:contacts?|enquiries|inquiries)|for (?:more|further) information\b.{0,60}|about the author|forward[- ]looking statements?|safe harbou?r statement)\s*:?$/i;
const ABOUT_COMPANY = /^About \p{Lu}[\p{L}\p{N}&.,'’ -]{1,60}$/u;
const MAX_HEADING_CHARS = 80;
/** A line this long, or a finished sentence this wordy, is article text again. */
const PROSE_CHARS = 150;
const PROSE_WORDS = 12;
/** Boilerplate runs to the next blank line, but never further than this. */
const MAX_BLOCK_LINES = 8;

function isProse(line: string): boolean {
  return (
    line.length > PROSE_CHARS || (/[.!?]$/.test(line) && line.split(/\s+/).length >= PROSE_WORDS)
  );
}

/**
 * Drops the lines under a "Related stories" or "You might also like" heading (link teasers) and
 * under press-release headings ("Media contact:", "About Brightwell Foods", "Forward-Looking
 * Statements"), up to the next blank line. Reads `raw` because the headings are already noise.
 */
export function dropLinkBlocks(raw: readonly string[], lines: Array<string | null>): void {
  for (let i = 0; i < raw.length; i++) {
    const heading = raw[i]!.trim();
    if (heading.length > MAX_HEADING_CHARS) continue;
    const links = LINKS_HEADING.test(heading);
    if (!links && !BOILERPLATE_HEADING.test(heading) && !ABOUT_COMPANY.test(heading)) continue;
    let j = i + 1;
    for (; j < raw.length && j <= i + MAX_BLOCK_LINES; j++) {
      const line = raw[j]!.trim();
      if (line === "" || (links && isProse(line))) break;
      lines[j] = null;
    }
    i = j - 1;
  }
}
