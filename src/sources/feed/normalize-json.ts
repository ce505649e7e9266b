import type { JsonFeed } from "feedsmith";
import { resolveUrl, textToHtml } from "./html-to-text.js";
import type { RawFeed, RawItem } from "./raw-feed.js";

const html = (text: string | undefined) => (text?.trim() ? textToHtml(text) : undefined);

/** JSON Feed 1.0/1.1 in the common shape; `summary` and `content_text` are plain text. */
export function normalizeJson(feed: JsonFeed.Feed<string>, url: string): RawFeed {
  const items = (feed.items ?? []).map((item): RawItem => ({
    id: item.id === undefined || item.id === null ? undefined : String(item.id).trim() || undefined,
    link: item.url ?? item.external_url,
    title: item.title,
    titleIsHtml: false,
    date: item.date_published ?? item.date_modified,
    summaryHtml: html(item.summary),
    contentHtml: item.content_html?.trim() ? item.content_html : html(item.content_text),
    base: url,
  }));
  return { title: feed.title ?? null, link: resolveUrl(feed.home_page_url, url), base: url, items };
}
