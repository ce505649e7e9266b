import { configSources, type Config } from "../config.js";
import type { Clock, Logger } from "../lib/index.js";
import { createIngest, INGEST_DEFAULTS, type DigestFn, type Ingest } from "../pipeline/index.js";
import {
  createHttpClient,
  createSharedHostLimiter,
  extractArticle,
  type HttpClient,
} from "../sources/index.js";
import type { ChatRef, Store } from "../store/index.js";

/** The ingest of a running app, from its config: the guarded HTTP client and the host limiter included. */
export function ingestFromConfig(
  config: Config,
  deps: {
    store: Store;
    clock: Clock;
    logger: Logger;
    notify?: (chat: ChatRef, text: string) => Promise<void>;
    http?: HttpClient;
    digest?: DigestFn;
  },
): Ingest {
  const http =
    deps.http ??
    createHttpClient({
      allowPrivate: config.ALLOW_PRIVATE_URLS,
      timeoutMs: config.FETCH_TIMEOUT,
      maxBytes: config.MAX_FETCH_BYTES,
      clock: deps.clock,
    });
  return createIngest({
    ...deps,
    http,
    // Request starts per host are reserved in the store: several ingest processes stay polite together.
    limiter: createSharedHostLimiter({
      clock: deps.clock,
      reserve: (host, now, intervalMs) =>
        deps.store.sources.reserveHostStart(host, now, intervalMs),
    }),
    sources: configSources(config),
    maxArticleBytes: config.MAX_ARTICLE_BYTES,
    allowHardlinks: config.ALLOW_HARDLINKS,
    rescanMs: config.RESCAN_INTERVAL,
    maxSourcesPerChat: config.MAX_SOURCES_PER_CHAT,
    fetchPages: config.FETCH_ARTICLE_PAGES,
    pollMinMs: config.POLL_MIN,
    pollMaxMs: config.POLL_MAX,
    disableAfterMs: config.SOURCE_DISABLE_AFTER,
    retainMs: INGEST_DEFAULTS.retainMs,
    extractPage: extractArticle,
    ...(deps.digest ? { digest: deps.digest } : {}),
    failures: deps.store.kv,
  });
}
