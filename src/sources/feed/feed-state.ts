import { z } from "zod";

/** What the poller remembers about one feed between polls; plain JSON, stored by the pipeline. */
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

export function isFeedDue(state: FeedState, now: Date): boolean {
  return state.nextPollAt === null || Date.parse(state.nextPollAt) <= now.getTime();
}
