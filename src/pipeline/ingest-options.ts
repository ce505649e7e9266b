import type { Clock } from "../lib/index.js";
import type { Logger } from "../lib/index.js";
import type { HostLimiter, HttpClient } from "../sources/index.js";
import type { ChatRef, Store } from "../store/index.js";
import type { PageExtractor } from "./page-extractor.js";

export const INGEST_DEFAULTS = {
  pollMinMs: 5 * 60_000,
  pollMaxMs: 6 * 60 * 60_000,
  disableAfterMs: 3 * 24 * 60 * 60_000,
  /** Feed cards older than this (by arrival) are dropped; an item scrolling off keeps its card till then. */
  retainMs: 30 * 24 * 60 * 60_000,
  fetchPages: "auto",
} as const;

export interface IngestDeps {
  store: Store;
  http: HttpClient;
  clock: Clock;
  logger: Logger;
  limiter?: HostLimiter;
  extractPage?: PageExtractor;
  /** `auto`: a teaser item's linked page is fetched for its text; `never`: the feed text is used. */
  fetchPages?: "auto" | "never";
  pollMinMs?: number;
  pollMaxMs?: number;
  disableAfterMs?: number;
  retainMs?: number;
  /** Tells a chat once that one of its sources was disabled (best effort, never throws). */
  notify?: (chat: ChatRef, text: string) => Promise<void>;
}
