import { DigestBotError } from "../../lib/index.js";

export type FeedErrorCode = "not-a-feed" | "malformed";

/** A document that is not a feed, or a feed too broken to read; returned as a value by parseFeed. */
export class FeedError extends DigestBotError {
  override name = "FeedError";
  constructor(
    readonly code: FeedErrorCode,
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, { url, code }, options);
  }
}
