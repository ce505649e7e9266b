export {
  startFakeHttpServer,
  type FakeHttpServer,
  type RecordedRequest,
  type Route,
} from "./fake-http-server.js";
export { feedRoutes, fixture, CONDITIONAL_LAST_MODIFIED } from "./feed-routes.js";
export { createDynamicFeed, newsEntry, type DynamicFeed, type FeedEntry } from "./dynamic-feed.js";
export { articlePage } from "./article-page.js";
