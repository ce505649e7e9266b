import type { Paragraph } from "./block-text.js";
import { isFurnitureLine } from "./furniture-line.js";
import { isSameSite } from "./same-site.js";

/** A heading that opens a list of links to other stories. */
const LINK_LIST_HEADING =
  /^(?:more\b.{0,30}\b(?:stories|articles|news|coverage|reads)|related|read more|more|see also|don'?t miss|you may also like|you might also like|recommended|more from .{1,40}|more on this|most read|most popular|trending|latest|also read|further reading|top stories)(?:\s*(?:stories|articles|news|content|coverage|links))?\s*[:.…]*$/i;

/** A line opening with a related-story label ("Related: ...", "SEE MORE: ..."), often before more links. */
const RELATED_LABEL = /^(?:related|read more|see more|see also|more|also read|read also)\s*:/i;

/** "Read also" in the languages of the pages we meet; a line with only this label opens a link list. */
const READ_ALSO =
  /^\(?(?:leggi anche|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leia também|leia mais|veja também|lee también|lea también|читайте также|関連記事)\b/iu;

const AUTHOR_BIO = [
  /^(?:[\p{Lu}][\p{L}'’.-]+\s){1,3}(?:is|was|has been|joined)\b.{0,160}\b(?:reporter|writer|editor|correspondent|journalist|contributor|columnist|producer)\b/u,
  /^(?:[\p{Lu}][\p{L}'’.-]+\s){1,3}joined\b.{0,100}\b(?:19|20)\d\d\b/u,
  /\b(?:follow (?:him|her|them|us|me) on|let us know at|email (?:him|her|them) at)\b/i,
];

/**
 * Drops what Readability kept around the article: furniture lines, link lists under a "Related"
 * heading, the headline repeated at the top, bylines and labels before the first sentence, and
 * the author's bio after the last. No sentence at all means no article: the result is empty.
 */
export function cleanParagraphs(
  paragraphs: readonly Paragraph[],
  page: { url: string; headline: string | null; publisher: string | null },
): string[] {
  const { headline, publisher } = page;
  const kept: Paragraph[] = [];
  const linkRuns = linkRunIndexes(paragraphs, page.url);
  let inLinkList = false;
  for (const [index, paragraph] of paragraphs.entries()) {
    if (linkRuns.has(index)) continue;
    if (inLinkList && paragraph.linkShare > 0.6 && paragraph.text.length < 160) continue;
    if (inLinkList && isFurnitureLine(paragraph.text)) continue;
    inLinkList = [LINK_LIST_HEADING, RELATED_LABEL, READ_ALSO].some((rule) =>
      rule.test(paragraph.text),
    );
    if (inLinkList || isFurnitureLine(paragraph.text) || isShoutedLink(paragraph)) continue;
    kept.push(paragraph);
  }
  const first = kept.findIndex(isSentence);
  if (first < 0) return [];
  // Only a few short labels (byline, breadcrumb, photo count) stand before the article starts.
  const body =
    first <= MAX_LEADING_LABELS ? kept.filter((p, i) => i >= first || !isLabel(p)) : kept;
  while (body.length > 0 && isTrailer(body[body.length - 1]!)) body.pop();
  return body
    .map((paragraph) => paragraph.text)
    .filter((text) => text !== headline && text !== publisher);
}

const MAX_LEADING_LABELS = 6;

function isLabel(paragraph: Paragraph): boolean {
  return paragraph.text.split(" ").length < 8 && !isSentence(paragraph);
}

/** Prose: a dozen words, or several (or, in scripts without spaces, enough characters) ending like a sentence. */
function isSentence(paragraph: Paragraph): boolean {
  const { text } = paragraph;
  const words = text.split(" ").length;
  if (words >= 12) return true;
  const long = words >= 4 || (text.length >= 30 && !text.includes(" "));
  return long && /[.!?:;"”’)。！？」』]$/.test(text);
}

/** Runs of two or more link-only lines to the same site that are not sentences: lists of other stories. */
function linkRunIndexes(paragraphs: readonly Paragraph[], url: string): Set<number> {
  const indexes = new Set<number>();
  let run: number[] = [];
  const close = (): void => {
    if (run.length >= MIN_LINK_RUN) for (const index of run) indexes.add(index);
    run = [];
  };
  for (const [index, paragraph] of paragraphs.entries()) {
    if (isTeaserLink(paragraph, url)) run.push(index);
    else close();
  }
  close();
  return indexes;
}

const MIN_LINK_RUN = 2;

function isTeaserLink(paragraph: Paragraph, url: string): boolean {
  const { text, linkShare, links } = paragraph;
  if (linkShare <= 0.9 || text.length >= 140 || /[.!?]$/.test(text)) return false;
  return links.length > 0 && links.every((href) => isSameSite(href, url));
}

/** A link in capitals standing alone: a teaser for another story ("SWIFT CLEARED TO PERFORM AT AMAs"). */
function isShoutedLink(paragraph: Paragraph): boolean {
  const letters = paragraph.text.replace(/[^\p{L}]/gu, "");
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  return paragraph.linkShare > 0.9 && letters.length >= 15 && upper / letters.length > 0.8;
}

/** After the article: an author bio, a handle, a lone name. */
function isTrailer(paragraph: Paragraph): boolean {
  const { text } = paragraph;
  if (AUTHOR_BIO.some((rule) => rule.test(text))) return true;
  if (/^@\w+$/.test(text)) return true;
  return paragraph.linkShare > 0.9 && text.split(" ").length <= 4 && !/[.!?]$/.test(text);
}
