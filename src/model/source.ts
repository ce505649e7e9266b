import { z } from "zod";
import { Platform } from "./subscription.js";

/** What the poller remembers about one feed between polls; plain JSON, stored with its source. */
export const FeedState = z.object({
  url: z.string().min(1),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  /** ISO instant of the next poll; null = poll now. */
  nextPollAt: z.string().nullable(),
  lastPolledAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** ISO instant of the first failure in the current run of failures, null while healthy. */
  failingSince: z.string().nullable(),
  /** Failures in a row. */
  failures: z.number().int().min(0),
  /** Reason of the last failure (`code: message`), kept until the next success. */
  lastError: z.string().nullable(),
});
export type FeedState = z.infer<typeof FeedState>;

/** A source's poll state plus what the pipeline remembers of its items. */
export const SourceState = FeedState.extend({
  /** Item key -> hash of the item as last read: the same hash is not summarized again. */
  seen: z.record(z.string(), z.string()).default({}),
  /** Title and first-seen instant of the newest item that became a card. */
  newestTitle: z.string().nullable().default(null),
  newestAt: z.string().nullable().default(null),
});
export type SourceState = z.infer<typeof SourceState>;

export const SourceKind = z.enum(["feed", "page", "dir"]);
export type SourceKind = z.infer<typeof SourceKind>;

/** A chat, without a thread: sources belong to the whole chat. */
export const SourceChat = z.object({ platform: Platform, chatId: z.string().min(1) });
export type SourceChat = z.infer<typeof SourceChat>;

/** Somewhere articles come from: a feed, one article page, or a folder. */
export const SourceRow = z.object({
  /** `feed:<url>`, `page:<url>`, `dir:<path>`. */
  id: z.string().min(1),
  url: z.string().min(1),
  kind: SourceKind,
  title: z.string().nullable(),
  /** The chat that added it; null = the operator (SOURCES). */
  addedBy: SourceChat.nullable(),
  state: SourceState,
  /** False once disabled after failing too long; kept so /sources can say why. */
  active: z.boolean(),
  createdAt: z.string(),
});
export type SourceRow = z.infer<typeof SourceRow>;

export type NewSource = Omit<SourceRow, "createdAt" | "active" | "state"> & {
  state?: SourceState;
};

/** A feed never polled yet. */
export function initialFeedState(url: string): FeedState {
  return {
    url,
    etag: null,
    lastModified: null,
    nextPollAt: null,
    lastPolledAt: null,
    lastSuccessAt: null,
    failingSince: null,
    failures: 0,
    lastError: null,
  };
}

export function initialSourceState(url: string): SourceState {
  return {
    ...initialFeedState(url),
    seen: {},
    newestTitle: null,
    newestAt: null,
  };
}
