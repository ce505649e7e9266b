import { stripMarkup } from "./strip-markup.js";

/**
 * Normalizes line endings and invisible characters so every layout parses the same way.
 * Curly quotes and dashes are kept: fact `sentence`s must stay verbatim.
 */
export function normalizeText(raw: string): string {
  return stripMarkup(raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"))
    .replace(/[\u00A0\u2007\u202F\u2009\u200A]/g, " ")
    .replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF/g, "")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n");
}

/** A whitespace run that is not already one plain space: single spaces, the common case, are left alone. */
const UNCOLLAPSED_RUN = /\s{2,}|[^\S ]/g;

/** Collapses all whitespace runs to one space: how provenance is compared across layouts. */
export function collapseWhitespace(text: string): string {
  return text.replace(UNCOLLAPSED_RUN, " ").trim();
}
