import type { SourceKind } from "../model/index.js";
import {
  findFeedLinks,
  parseFeed,
  sniffFeed,
  type FetchError,
  type HostLimiter,
  type HttpClient,
  type HttpResponse,
} from "../sources/index.js";
import type { PageExtractor } from "./page-extractor.js";

export type ResolvedSource =
  | { ok: true; kind: Exclude<SourceKind, "dir">; url: string; title: string | null }
  | { ok: false; error: string };

export interface ResolveDeps {
  http: HttpClient;
  limiter?: HostLimiter;
  extractPage: PageExtractor;
}

/** One line a user can act on, for each way a fetch fails. */
export function describeFetchError(error: FetchError): string {
  switch (error.code) {
    case "forbidden-address":
      return "that address is on a private or local network, which I never fetch";
    case "bad-scheme":
      return "only http:// and https:// links can be added";
    case "too-large":
      return "the page is too large";
    case "timeout":
      return "the site did not answer in time";
    case "too-many-redirects":
      return "the link redirects too many times";
    case "http-status":
      return `the site answered HTTP ${error.status ?? "error"}`;
    default:
      return "the site could not be reached";
  }
}

/** Only http(s) URLs are fetched; anything else is refused before a request. */
export function parseSourceUrl(input: string): URL | undefined {
  try {
    const url = new URL(input.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a URL is: a feed; a page advertising a feed (`<link rel="alternate">`, the feed is taken);
 * or one article page. Never throws; a refusal is a value.
 */
export async function resolveSource(deps: ResolveDeps, input: string): Promise<ResolvedSource> {
  const url = parseSourceUrl(input);
  if (url === undefined) return { ok: false, error: "that is not an http:// or https:// link" };
  const get = async (target: string) => {
    const run = () => deps.http.get(target);
    return deps.limiter ? deps.limiter.run(new URL(target).hostname, run) : run();
  };
  const first = await get(url.href);
  if (!first.ok) return { ok: false, error: describeFetchError(first.error) };
  const feed = asFeed(first, url.href);
  if (feed) return feed;
  const html = first.text();
  for (const link of findFeedLinks(html, first.url).slice(0, 3)) {
    const response = await get(link);
    const found = response.ok ? asFeed(response, link) : undefined;
    if (found) return found;
  }
  const page = await deps.extractPage(html, { url: url.href, sourceId: `page:${url.href}` });
  if (page.ok && page.article.text.length > 0) {
    return { ok: true, kind: "page", url: url.href, title: page.article.title };
  }
  return { ok: false, error: "no feed and no article found at that link" };
}

function asFeed(response: HttpResponse, url: string): ResolvedSource | undefined {
  const text = response.text();
  if (!sniffFeed(text)) return undefined;
  const parsed = parseFeed(text, { url });
  return parsed.ok ? { ok: true, kind: "feed", url, title: parsed.feed.title } : undefined;
}
