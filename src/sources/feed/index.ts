export { parseFeed, type ParseFeedResult } from "./parse-feed.js";
export { FeedItem, ParsedFeed } from "./feed-item.js";
export { FeedError, type FeedErrorCode } from "./feed-error.js";
export { feedItemToArticle } from "./feed-item-to-article.js";
export { findFeedLinks } from "./find-feed-links.js";
export { sniffFeed } from "./sniff-feed.js";
export { htmlToText } from "./html-to-text.js";
export {
  createFeedFetcher,
  FEED_POLL_DEFAULTS,
  type FeedFetcher,
  type FeedFetcherOptions,
  type FeedFetchResult,
} from "./poll-feed.js";
export { FeedState, initialFeedState, isFeedDue } from "./feed-state.js";
