import { stripMarkup } from "./strip-markup.js";

/**
 * Normalizes line endings and invisible characters so every layout parses the same way.
 * Curly quotes and dashes are kept: fact `sentence`s must stay verbatim.
 */
export function normalizeText(raw: string): string {
  const text = stripMarkup(raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"))
    .replace(/[\u00A0\u2007\u202F\u2009\u200A]/g, " ")
    .replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF/g, "")
    .replace(LONE_SURROGATE, "\uFFFD");
  return trimLineEnds(text).replace(/\n{3,}/g, "\n\n");
}

/** Half of a surrogate pair with no other half: not a character, and invalid in JSON and UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Drops spaces and tabs before each newline and at the end. A loop, not `/[ \t]+$/gm`: that regex
 * rescans a long run of blanks from every position in it (quadratic on "x" + 1 MB of spaces + "x").
 */
function trimLineEnds(text: string): string {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let end = line.length;
    while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
    if (end < line.length) lines[i] = line.slice(0, end);
  }
  return lines.join("\n");
}

/** A whitespace run that is not already one plain space: single spaces, the common case, are left alone. */
const UNCOLLAPSED_RUN = /\s{2,}|[^\S ]/g;

/** Collapses all whitespace runs to one space: how provenance is compared across layouts. */
export function collapseWhitespace(text: string): string {
  return text.replace(UNCOLLAPSED_RUN, " ").trim();
}
