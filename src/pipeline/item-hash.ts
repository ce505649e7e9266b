import { createHash } from "node:crypto";
import type { FeedItem } from "../sources/index.js";

/** What decides whether a feed item changed since the last poll: seen with the same hash = skipped. */
export function itemHash(item: Pick<FeedItem, "title" | "url" | "date" | "contentText">): string {
  const text = [item.title ?? "", item.url ?? "", item.date ?? "", item.contentText].join("\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
