import { blockParagraphs, type Paragraph } from "./block-text.js";
import { parseDocument } from "./dom.js";

/** JSON-LD `articleBody` as paragraphs: newline-separated text, or HTML that some sites put there. */
export function jsonLdParagraphs(articleBody: string): Paragraph[] {
  if (/<(?:p|br|div|h\d)\b[^>]*>/i.test(articleBody)) {
    const body = parseDocument(`<!doctype html><html><body>${articleBody}</body></html>`).body;
    return body ? blockParagraphs(body) : [];
  }
  return articleBody
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line.length > 0)
    .map((text) => ({ text, linkShare: 0, heading: false, links: [] }));
}

/** Share of the reference's word trigrams that the text also has: how much of it was found. */
export function coverage(reference: string, text: string): number {
  const found = new Set(trigrams(text));
  const wanted = trigrams(reference);
  if (wanted.length === 0) return 1;
  return wanted.filter((gram) => found.has(gram)).length / wanted.length;
}

function trigrams(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(2).map((word, i) => `${words[i]} ${words[i + 1]} ${word}`);
}

/** Below this the declared body is a teaser, not the article. */
const MIN_DECLARED_CHARS = 200;

/**
 * The page's own JSON-LD body stands in when Readability found nothing, or found far less of it
 * than it holds (a body rendered by script, a container split in two).
 */
export function preferDeclaredBody(
  found: readonly string[],
  declared: readonly string[],
): readonly string[] {
  const declaredText = declared.join(" ");
  if (declaredText.length < MIN_DECLARED_CHARS) return found;
  const foundText = found.join(" ");
  if (foundText.length === 0) return declared;
  const fuller = declaredText.length > foundText.length * 1.5;
  return fuller && coverage(declaredText, foundText) < 0.5 ? declared : found;
}
