import type { Paragraph } from "./block-text.js";
import { isFurnitureLine } from "./furniture-line.js";

/** A heading that opens a list of links to other stories. */
const LINK_LIST_HEADING =
  /^(?:related|read more|more|see also|don'?t miss|you may also like|you might also like|recommended|more from .{1,40}|more on this|most read|most popular|trending|latest|also read|further reading|top stories)(?:\s*(?:stories|articles|news|content|coverage|links))?\s*:?$/i;

const AUTHOR_BIO =
  /^(?:[\p{Lu}][\p{L}'’.-]+\s){1,3}(?:is|was|has been|joined)\b.{0,160}\b(?:reporter|writer|editor|correspondent|journalist|contributor|columnist|producer)\b/u;

/**
 * Drops what Readability kept around the article: furniture lines, link lists under a "Related"
 * heading, the headline repeated at the top, bylines and labels before the first sentence, and
 * the author's bio after the last. No sentence at all means no article: the result is empty.
 */
export function cleanParagraphs(
  paragraphs: readonly Paragraph[],
  headline: string | null,
  publisher: string | null,
): string[] {
  const kept: Paragraph[] = [];
  let inLinkList = false;
  for (const paragraph of paragraphs) {
    if (inLinkList && paragraph.linkShare > 0.6 && paragraph.text.length < 160) continue;
    inLinkList = LINK_LIST_HEADING.test(paragraph.text);
    if (inLinkList || isFurnitureLine(paragraph.text)) continue;
    kept.push(paragraph);
  }
  const first = kept.findIndex(isSentence);
  if (first < 0) return [];
  const body = kept.slice(first);
  while (body.length > 0 && isTrailer(body[body.length - 1]!)) body.pop();
  return body
    .map((paragraph) => paragraph.text)
    .filter((text) => text !== headline && text !== publisher);
}

/** Prose: several words (or, in scripts without spaces, enough characters) ending like a sentence. */
function isSentence(paragraph: Paragraph): boolean {
  const { text } = paragraph;
  const long = text.split(" ").length >= 6 || (text.length >= 30 && !text.includes(" "));
  return long && /[.!?:;"”’)。！？」』]$/.test(text);
}

/** After the article: an author bio, a handle, a lone name. */
function isTrailer(paragraph: Paragraph): boolean {
  const { text } = paragraph;
  if (AUTHOR_BIO.test(text)) return true;
  if (/^@\w+$/.test(text)) return true;
  return paragraph.linkShare > 0.9 && text.split(" ").length <= 4 && !/[.!?]$/.test(text);
}
