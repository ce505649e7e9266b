import type { Article } from "../../model/index.js";
import type { FeedItem, ParsedFeed } from "./feed-item.js";

/** The Article a feed item gives; its text is the item's own, so a teaser needs its page fetched first. */
export function feedItemToArticle(item: FeedItem, feed: ParsedFeed, sourceId: string): Article {
  return {
    sourceId,
    key: item.key,
    source: item.url ?? feed.url,
    feed: feed.url,
    url: item.url,
    title: item.title,
    date: item.date,
    place: null,
    publisher: feed.title,
    text: item.contentText,
  };
}
