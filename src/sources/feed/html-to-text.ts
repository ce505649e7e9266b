import { decodeHTML, escapeText } from "entities";

const DROPPED = /<(script|style|head|template|noscript|svg)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const BLOCK =
  /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|pre|table|tr|section|article|header|footer|figure|figcaption|aside|hr|dl|dt|dd|main|nav)\b[^>]*>/gi;
const TAG = /<\/?[a-zA-Z][^>]*>/g;

/** Plain text of an HTML fragment: blocks become paragraphs separated by blank lines, entities decoded. */
export function htmlToText(html: string): string {
  const marked = html
    .replace(DROPPED, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(BLOCK, "\n\n")
    .replace(TAG, "");
  return decodeHTML(marked)
    .replace(/\u00a0/g, " ")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph.length > 0)
    .join("\n\n");
}

/** Text on one line (titles): HTML stripped only when the string looks like markup or has entities. */
export function inlineText(value: string, isHtml: boolean): string {
  const text = isHtml || /<[a-zA-Z/]|&#?\w+;/.test(value) ? htmlToText(value) : value;
  return text.replace(/\s+/g, " ").trim();
}

/** Plain text as HTML paragraphs, so every item carries HTML the same way. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => `<p>${escapeText(paragraph)}</p>`)
    .join("");
}

/** Makes `href` and `src` attributes absolute against `base`; leaves scripts and unparseable ones alone. */
export function resolveHtmlUrls(html: string, base: string): string {
  return html.replace(
    /\b(href|src)\s*=\s*(["'])(.*?)\2/gi,
    (whole, name: string, quote: string, value: string) => {
      if (/^\s*(javascript|data|mailto):/i.test(value)) return whole;
      const absolute = resolveUrl(decodeHTML(value), base);
      return absolute ? `${name}=${quote}${absolute.replace(/"/g, "%22")}${quote}` : whole;
    },
  );
}

/** `value` resolved against `base`, or null when it does not make an http(s) URL. */
export function resolveUrl(value: string | undefined, base: string): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
