import { decodeHTML } from "entities";
import { resolveUrl } from "./html-to-text.js";

const FEED_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
]);

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    attrs.set(m[1]!.toLowerCase(), decodeHTML(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attrs;
}

/** Feed URLs a page advertises with `<link rel="alternate" type="…rss/atom/feed+json">`, absolute, deduplicated. */
export function findFeedLinks(html: string, pageUrl: string): string[] {
  const baseTag = /<base\b[^>]*>/i.exec(html)?.[0];
  const base =
    resolveUrl(baseTag ? attributes(baseTag).get("href") : undefined, pageUrl) ?? pageUrl;
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const rels = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const type = (attrs.get("type") ?? "").toLowerCase().split(";")[0]!.trim();
    if (!rels.includes("alternate") || !FEED_TYPES.has(type)) continue;
    const url = resolveUrl(attrs.get("href"), base);
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}
