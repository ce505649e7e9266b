/**
 * Articles pasted from web pages and notes arrive with Markdown or HTML left in. A card shows
 * text, so the markup goes before parsing: "**CUPERTINO** –" is a dateline, "[Vision Pro](url)" is
 * "Vision Pro", "&amp;" is "&". Only unambiguous forms are touched, so plain prose never changes.
 */
// A tag's attributes stop at the next "<": an unclosed "<b<b<b…" is then linear, not quadratic.
const BLOCK_TAG =
  /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|section|article|header|footer)\b[^<>]*>/gi;
const INLINE_TAG = /<\/?(?:a|b|i|u|em|strong|span|small|sup|sub|mark|time|abbr|cite|q)\b[^<>]*>/gi;
// Link text stops at the next bracket and a URL at the next paren (one "(…)" pair allowed, as in
// Wikipedia links), so "[a](http://[a](http://…" never rescans the rest of its line.
const IMAGE = /!\[[^[\]\n]*\]\([^()\n]*\)/g;
const LINK = /\[([^[\]\n]+)\]\((?:https?:\/\/|\/|#)[^()\s]*(?:\([^()\s]*\)[^()\s]*)?\)/g;
/** Emphasis spans are short: a bound keeps an unclosed "**a **a …" line from being rescanned per mark. */
const BOLD = /(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1/g;
const ITALIC = /(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*(?![\p{L}\p{N}*])/gu;
const HEADING = /^#{1,6}[ \t]+/gm;
const ENTITY = /&(?:#(\d{1,6})|#x([\da-f]{1,6})|([a-z]{2,8}));/gi;
const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
  pound: "£",
  euro: "€",
};

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

function decodeEntity(match: string, dec?: string, hex?: string, name?: string): string {
  const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : null;
  // A surrogate code point on its own is not a character: it would leave a lone surrogate in a card.
  if (code !== null)
    return code > 0 && code <= 0x10ffff && !isSurrogate(code) ? String.fromCodePoint(code) : match;
  return NAMED[name!.toLowerCase()] ?? match;
}

/** Any of the forms below: plain prose, the common case, skips every replacement. */
const MARKUP = /<\/?[a-z]|&(?:#|[a-z]{2,8};)|\*\*|__|\*[^\s*]|^#{1,6}[ \t]|\]\(/im;

export function stripMarkup(text: string): string {
  if (!MARKUP.test(text)) return text;
  return text
    .replace(BLOCK_TAG, "\n")
    .replace(INLINE_TAG, "")
    .replace(IMAGE, "")
    .replace(LINK, "$1")
    .replace(BOLD, "$2")
    .replace(ITALIC, "$1")
    .replace(HEADING, "")
    .replace(ENTITY, decodeEntity);
}
