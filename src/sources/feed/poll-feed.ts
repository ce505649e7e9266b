import type { Clock } from "../../lib/index.js";
import type { FetchError, HostLimiter, HttpClient } from "../http/index.js";
import type { FeedError } from "./feed-error.js";
import type { ParsedFeed } from "./feed-item.js";
import type { FeedState } from "./feed-state.js";
import { parseFeed } from "./parse-feed.js";
import { backoffFor, freshFor, type PollBounds } from "./poll-timing.js";

export type FeedFetchResult =
  | { kind: "updated"; feed: ParsedFeed }
  | { kind: "not-modified" }
  | { kind: "failed"; error: FetchError | FeedError };

export interface FeedFetcher {
  /** One conditional GET of the feed; never throws. Returns the next state to store. */
  fetch(state: FeedState): Promise<{ state: FeedState; result: FeedFetchResult }>;
}

export interface FeedFetcherOptions {
  http: HttpClient;
  clock: Clock;
  /** Shared politeness limiter; without one, requests are not spaced per host. */
  limiter?: HostLimiter;
  pollMinMs?: number;
  pollMaxMs?: number;
  /** Source of jitter for the backoff, in [0, 1). */
  random?: () => number;
}

export const FEED_POLL_DEFAULTS = {
  pollMinMs: 5 * 60_000,
  pollMaxMs: 6 * 60 * 60_000,
} as const satisfies PollBounds;

const ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

export function createFeedFetcher(options: FeedFetcherOptions): FeedFetcher {
  const bounds: PollBounds = {
    pollMinMs: options.pollMinMs ?? FEED_POLL_DEFAULTS.pollMinMs,
    pollMaxMs: options.pollMaxMs ?? FEED_POLL_DEFAULTS.pollMaxMs,
  };
  const random = options.random ?? Math.random;
  const limit = <T>(host: string, task: () => Promise<T>) =>
    options.limiter ? options.limiter.run(host, task) : task();

  function failed(state: FeedState, error: FetchError | FeedError, now: Date) {
    const failures = state.failures + 1;
    const asked =
      "status" in error && (error.status === 429 || error.status === 503)
        ? (error.retryAfterMs ?? 0)
        : 0;
    const wait = Math.max(asked, backoffFor(failures, bounds, random));
    const next: FeedState = {
      ...state,
      lastPolledAt: now.toISOString(),
      nextPollAt: new Date(now.getTime() + wait).toISOString(),
      failures,
      failingSince: state.failingSince ?? now.toISOString(),
      lastError: `${error.code}: ${error.message}`,
    };
    return { state: next, result: { kind: "failed", error } as const };
  }

  function succeeded(
    state: FeedState,
    lifetimeMs: number,
    now: Date,
    validators: Partial<FeedState>,
  ) {
    const next: FeedState = {
      ...state,
      ...validators,
      lastPolledAt: now.toISOString(),
      lastSuccessAt: now.toISOString(),
      nextPollAt: new Date(now.getTime() + lifetimeMs).toISOString(),
      failures: 0,
      failingSince: null,
      lastError: null,
    };
    return next;
  }

  return {
    async fetch(state) {
      const headers: Record<string, string> = { accept: ACCEPT };
      if (state.etag) headers["if-none-match"] = state.etag;
      if (state.lastModified) headers["if-modified-since"] = state.lastModified;
      let host: string;
      try {
        host = new URL(state.url).hostname;
      } catch {
        host = state.url;
      }
      const response = await limit(host, () => options.http.get(state.url, { headers }));
      const now = options.clock.now();
      if (!response.ok) return failed(state, response.error, now);
      const lifetime = freshFor(state.url, headers, response.headers, bounds);
      if (response.status === 304) {
        const validators = {
          etag: response.headers["etag"] ?? state.etag,
          lastModified: response.headers["last-modified"] ?? state.lastModified,
        };
        return {
          state: succeeded(state, lifetime, now, validators),
          result: { kind: "not-modified" },
        };
      }
      const parsed = parseFeed(response.text(), { url: response.url });
      if (!parsed.ok)
        return failed({ ...state, etag: null, lastModified: null }, parsed.error, now);
      const validators = {
        etag: response.headers["etag"] ?? null,
        lastModified: response.headers["last-modified"] ?? null,
      };
      return {
        state: succeeded(state, lifetime, now, validators),
        // Links resolve against where the feed was found; its identity stays the subscribed URL.
        result: { kind: "updated", feed: { ...parsed.feed, url: state.url } },
      };
    },
  };
}
