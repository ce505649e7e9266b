import { FeedState, initialFeedState } from "../../model/index.js";

// The schema lives in model/ so the store can keep it with its source row.
export { FeedState, initialFeedState };

export function isFeedDue(state: FeedState, now: Date): boolean {
  return state.nextPollAt === null || Date.parse(state.nextPollAt) <= now.getTime();
}
