import { DetectError, parseFeed as parseAnyFeed, type AnyFeed } from "feedsmith";
import { buildFeedItems } from "./build-feed-items.js";
import { FeedError } from "./feed-error.js";
import type { ParsedFeed } from "./feed-item.js";
import { inlineText } from "./html-to-text.js";
import { normalizeAtom } from "./normalize-atom.js";
import { normalizeJson } from "./normalize-json.js";
import { normalizeRdf, normalizeRss } from "./normalize-rss.js";
import type { RawFeed } from "./raw-feed.js";

export type ParseFeedResult = { ok: true; feed: ParsedFeed } | { ok: false; error: FeedError };

function normalize(parsed: AnyFeed<string>, url: string): RawFeed {
  switch (parsed.format) {
    case "rss":
      return normalizeRss(parsed.feed, url);
    case "rdf":
      return normalizeRdf(parsed.feed, url);
    case "atom":
      return normalizeAtom(parsed.feed, url);
    case "json":
      return normalizeJson(parsed.feed, url);
  }
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Reads RSS 0.9x/1.0/2.0, Atom or JSON Feed text into items with absolute links and plain text. */
export function parseFeed(text: string, { url }: { url: string }): ParseFeedResult {
  const body = text.replace(/^\uFEFF/, "").trimStart();
  let parsed: AnyFeed<string>;
  try {
    parsed = parseAnyFeed<string>(body.startsWith("{") ? readJson(body) : body);
  } catch (cause) {
    const notFeed = cause instanceof DetectError;
    const error = notFeed
      ? new FeedError("not-a-feed", url, "not a feed", { cause })
      : new FeedError("malformed", url, `unreadable feed: ${(cause as Error).message}`, { cause });
    return { ok: false, error };
  }
  const raw = normalize(parsed, url);
  const title = raw.title ? inlineText(raw.title, false) : "";
  return {
    ok: true,
    feed: { url, title: title || null, link: raw.link, items: buildFeedItems(raw.items) },
  };
}
