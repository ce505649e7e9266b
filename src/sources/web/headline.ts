import type { DomDocument } from "./dom.js";
import type { JsonLdArticle } from "./json-ld.js";
import { firstMeta, type MetaTags } from "./meta-tags.js";

const SEPARATOR = /(\s+[|\-–—:·•»]{1,2}\s+)/;

/**
 * The article's own headline: an `<h1>` that agrees with the page's title metadata, else that
 * metadata without its " | Site" part; never the site name or a navigation heading.
 */
export function readHeadline(
  document: DomDocument,
  meta: MetaTags,
  jsonLd: JsonLdArticle,
  publisher: string | null,
): string | null {
  const metaTitles = [
    firstMeta(meta, ["og:title"]),
    firstMeta(meta, ["twitter:title"]),
    jsonLd.headline,
    clean(document.querySelector("title")?.textContent ?? ""),
  ].filter((t): t is string => t !== null && t !== "");
  const stripped = metaTitles.map((title) => stripSiteName(title, publisher));
  const h1s = Array.from(document.querySelectorAll("h1"))
    .map((h1) => clean(h1.textContent ?? ""))
    .filter((text) => text.length > 0 && !isSiteName(text, publisher));
  const agreeing = h1s.find((h1) => stripped.some((title) => agrees(h1, title)));
  if (agreeing) return agreeing;
  const fromMeta = stripped.find((title) => !isSiteName(title, publisher));
  if (fromMeta) return fromMeta;
  return h1s.find((h1) => h1.split(" ").length >= 3) ?? null;
}

/** Drops a leading or trailing part that names the site ("Headline | Site", "Site - Headline"). */
export function stripSiteName(title: string, publisher: string | null): string {
  const pieces = title.split(SEPARATOR);
  const parts = pieces.filter((_, i) => i % 2 === 0);
  const seps = pieces.filter((_, i) => i % 2 === 1);
  while (parts.length > 1 && isSiteTail(parts.at(-1) ?? "", seps.at(-1) ?? "", publisher, parts)) {
    parts.pop();
    seps.pop();
  }
  if (parts.length > 1 && isSiteName(parts[0] ?? "", publisher)) {
    parts.shift();
    seps.shift();
  }
  return parts.map((part, i) => part + (seps[i] ?? "")).join("");
}

function isSiteTail(
  tail: string,
  separator: string,
  publisher: string | null,
  parts: string[],
): boolean {
  if (isSiteName(tail, publisher)) return true;
  // Without a known publisher only a short capitalised tail after a non-colon separator goes.
  const rest = parts.slice(0, -1).join(" ");
  return (
    !publisher &&
    !separator.includes(":") &&
    looksLikeSiteName(tail) &&
    rest.length > tail.length * 2
  );
}

function isSiteName(text: string, publisher: string | null): boolean {
  if (!publisher) return false;
  const a = squash(text);
  const b = squash(publisher);
  return (
    a.length > 0 &&
    (a === b || (a.length >= 3 && (b.includes(a) || a.includes(b)) && a.length <= b.length + 12))
  );
}

/** A short capitalised tail such as "BBC News" or "The Verge" when no publisher is known. */
function looksLikeSiteName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length <= 3 && words.every((word) => /^[\p{Lu}\d.]/u.test(word));
}

/** The h1 and the title say the same thing: one contains the other, or most words are shared. */
function agrees(h1: string, title: string): boolean {
  const a = squash(h1);
  const b = squash(title);
  if (a === b || (a.length > 10 && b.includes(a)) || (b.length > 10 && a.includes(b))) return true;
  const wordsA = new Set(words(h1));
  const wordsB = words(title);
  const shared = wordsB.filter((word) => wordsA.has(word)).length;
  return shared >= 3 && shared / Math.max(wordsA.size, wordsB.length) >= 0.6;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function squash(text: string): string {
  return words(text).join("");
}

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
