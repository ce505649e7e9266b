import type { RdfFeed, RssFeed } from "feedsmith";
import { resolveUrl } from "./html-to-text.js";
import type { RawFeed, RawItem } from "./raw-feed.js";

const nonEmpty = (value: string | undefined) => (value?.trim() ? value : undefined);

/** RSS 0.9x/2.0 in the common shape; dates from pubDate, else Dublin Core. */
export function normalizeRss(feed: RssFeed.Feed<string>, url: string): RawFeed {
  const items = (feed.items ?? []).map((item): RawItem => ({
    id: nonEmpty(item.guid?.value),
    link: nonEmpty(item.link),
    title: item.title,
    titleIsHtml: false,
    date: item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0],
    summaryHtml: nonEmpty(item.description),
    contentHtml: nonEmpty(item.content?.encoded),
    base: url,
  }));
  return { title: feed.title ?? null, link: resolveUrl(feed.link, url), base: url, items };
}

/** RSS 1.0 (RDF): the item's rdf:about is its identity. */
export function normalizeRdf(feed: RdfFeed.Feed<string>, url: string): RawFeed {
  const items = (feed.items ?? []).map((item): RawItem => ({
    id: nonEmpty(item.rdf?.about),
    link: nonEmpty(item.link),
    title: item.title,
    titleIsHtml: false,
    date: item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0],
    summaryHtml: nonEmpty(item.description),
    contentHtml: nonEmpty(item.content?.encoded),
    base: url,
  }));
  return { title: feed.title ?? null, link: resolveUrl(feed.link, url), base: url, items };
}
