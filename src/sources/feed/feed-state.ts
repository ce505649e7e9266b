import { FeedState } from "../../model/index.js";

// The schema lives in model/ so the store can keep it with its source row.
export { FeedState };

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
