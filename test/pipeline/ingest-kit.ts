import { createBotBackend, type BotBackend } from "../../src/delivery/index.js";
import { fixedClock } from "../../src/lib/clock.js";
import { createLogger } from "../../src/lib/logger.js";
import {
  basicPageExtractor,
  createSourceCommands,
  createSourcePoller,
  type SourcePoller,
} from "../../src/pipeline/index.js";
import { createHttpClient, createStaticLookup, type HttpClient } from "../../src/sources/index.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import {
  createDynamicFeed,
  feedRoutes,
  newsEntry,
  startFakeHttpServer,
  type DynamicFeed,
  type FakeHttpServer,
} from "../fakes/http/index.js";

export interface IngestKit {
  server: FakeHttpServer;
  feed: DynamicFeed;
  http: HttpClient;
  store: Store;
  clock: ReturnType<typeof fixedClock>;
  poller: SourcePoller;
  backend: BotBackend;
  /** A site whose home page links its feed (`/news.xml`). */
  homeUrl: string;
  feedUrl: string;
  /** Resolves to a private address: must be refused before any request. */
  hostileUrl: string;
  close(): Promise<void>;
}

/** A real store, poller and source commands over a fake site on 127.0.0.1 (the only address allowed). */
export async function startIngestKit(at = "2025-06-10T12:00:00.000Z"): Promise<IngestKit> {
  const feed = createDynamicFeed("City Wire", [newsEntry(1), newsEntry(2)]);
  const server = await startFakeHttpServer({
    ...feedRoutes(),
    "/news.xml": feed.route,
    "/home.html": (_req, res) =>
      void res
        .writeHead(200, { "content-type": "text/html" })
        .end(
          '<html><head><title>City</title><link rel="alternate" type="application/rss+xml" href="/news.xml"></head><body><p>Home</p></body></html>',
        ),
  });
  const http = createHttpClient({
    allowAddresses: ["127.0.0.1"],
    lookup: createStaticLookup({ "evil.example": "192.168.0.10" }),
  });
  const store = createMemoryStore();
  const clock = fixedClock(at);
  const logger = createLogger({ level: "silent" });
  const poller = createSourcePoller({ store, http, clock, logger });
  const commands = createSourceCommands({
    store,
    clock,
    poller,
    http,
    extractPage: basicPageExtractor,
  });
  return {
    server,
    feed,
    http,
    store,
    clock,
    poller,
    backend: createBotBackend({ store, clock, sources: commands }),
    homeUrl: `${server.origin}/home.html`,
    feedUrl: `${server.origin}/news.xml`,
    hostileUrl: `http://evil.example:${server.port}/news.xml`,
    close: async () => {
      await http.close();
      await server.close();
    },
  };
}
