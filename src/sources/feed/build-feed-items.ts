import { createHash } from "node:crypto";
import { feedDates } from "./feed-dates.js";
import type { FeedItem } from "./feed-item.js";
import { htmlToText, inlineText, resolveHtmlUrls, resolveUrl } from "./html-to-text.js";
import type { RawItem } from "./raw-feed.js";

const READ_MORE = /(…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|more»?)\s*$/i;

/** A teaser ends in "read more" or an ellipsis, or is too short to be the article itself. */
function looksLikeTeaser(text: string, hasContent: boolean): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  return READ_MORE.test(text) || words < (hasContent ? 60 : 120);
}

function toItem(raw: RawItem): Omit<FeedItem, "key"> & { id?: string } {
  const summaryHtml = raw.summaryHtml ? resolveHtmlUrls(raw.summaryHtml, raw.base) : null;
  const contentHtml = raw.contentHtml ? resolveHtmlUrls(raw.contentHtml, raw.base) : null;
  const contentText = htmlToText(contentHtml ?? summaryHtml ?? "");
  const title = raw.title ? inlineText(raw.title, raw.titleIsHtml) : "";
  return {
    id: raw.id,
    url: resolveUrl(raw.link, raw.base),
    title: title || null,
    ...feedDates(raw.date),
    summaryHtml,
    contentHtml,
    contentText,
    isTeaser: looksLikeTeaser(contentText, contentHtml !== null),
  };
}

/**
 * Normalised items with a stable key each: guid/id, else link, else title + date, else a hash of
 * the text. A guid used twice in one feed is not an identity, so those items fall back to the link.
 */
export function buildFeedItems(raws: RawItem[]): FeedItem[] {
  const items = raws
    .map(toItem)
    .filter((item) => item.title !== null || item.url !== null || item.contentText !== "");
  const idCounts = new Map<string, number>();
  for (const { id } of items) if (id) idCounts.set(id, (idCounts.get(id) ?? 0) + 1);
  const used = new Set<string>();
  return items.map(({ id, ...item }) => {
    const unique = id !== undefined && idCounts.get(id) === 1 ? id : undefined;
    const fallback = item.title
      ? `${item.title}|${item.publishedAt ?? item.date ?? ""}`
      : undefined;
    const digest = () => `sha1:${createHash("sha1").update(item.contentText).digest("hex")}`;
    const base = unique ?? item.url ?? id ?? fallback ?? digest();
    let key = base;
    for (let n = 2; used.has(key); n += 1) key = `${base}#${n}`;
    used.add(key);
    return { key, ...item };
  });
}
