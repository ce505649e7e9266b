import type { FactCard, SourceKind } from "../model/index.js";
import {
  parseFeed,
  sniffFeed,
  feedItemToArticle,
  type HostLimiter,
  type HttpClient,
} from "../sources/index.js";
import { cardForArticle, cardForArticleWith, type DigestFn } from "./card-for-article.js";
import { basicPageExtractor, type PageExtractor } from "./page-extractor.js";
import { withPageText } from "./read-page.js";
import { describeFetchError, parseSourceUrl } from "./resolve-source.js";
import type { Article } from "../model/index.js";

export const CARD_PREVIEW_DEFAULTS = { maxCards: 5, fetchPages: "auto" } as const;

export interface CardPreviewDeps {
  /** The guarded client: the preview fetches exactly what a polled source would. */
  http: HttpClient;
  limiter?: HostLimiter;
  extractPage?: PageExtractor;
  /** The worker pool in the app, so a hostile article cannot stall the endpoint. */
  digest?: DigestFn;
  fetchPages?: "auto" | "never";
  /** A feed's newest items to card. */
  maxCards?: number;
}

/** An item that made no card, and why: an operator wants to see it, not lose it. */
export interface PreviewSkip {
  title: string;
  reason: string;
}

export type CardPreview =
  | {
      ok: true;
      url: string;
      kind: Exclude<SourceKind, "dir">;
      title: string | null;
      cards: FactCard[];
      skipped: PreviewSkip[];
    }
  | { ok: false; url: string; error: string };

/** What the bot would post for a URL, built on the polled-source path; stores nothing. */
export type CardPreviewFn = (url: string) => Promise<CardPreview>;

export function createCardPreview(deps: CardPreviewDeps): CardPreviewFn {
  const extractPage = deps.extractPage ?? basicPageExtractor;
  const maxCards = deps.maxCards ?? CARD_PREVIEW_DEFAULTS.maxCards;
  const fetchPages = deps.fetchPages ?? CARD_PREVIEW_DEFAULTS.fetchPages;
  const reader = {
    http: deps.http,
    extractPage,
    ...(deps.limiter ? { limiter: deps.limiter } : {}),
  };
  const toCard = (article: Article) =>
    deps.digest
      ? cardForArticleWith(article, deps.digest)
      : Promise.resolve(cardForArticle(article));

  return async (input) => {
    const url = parseSourceUrl(input);
    if (url === undefined) {
      return { ok: false, url: input, error: "that is not an http:// or https:// link" };
    }
    const get = () => deps.http.get(url.href);
    const response = await (deps.limiter ? deps.limiter.run(url.hostname, get) : get());
    if (!response.ok)
      return { ok: false, url: url.href, error: describeFetchError(response.error) };
    const text = response.text();

    if (sniffFeed(text)) {
      const parsed = parseFeed(text, { url: url.href });
      if (!parsed.ok) {
        return {
          ok: false,
          url: url.href,
          error: `the feed could not be read (${parsed.error.message})`,
        };
      }
      const sourceId = `feed:${url.href}`;
      const cards: FactCard[] = [];
      const skipped: PreviewSkip[] = [];
      for (const item of parsed.feed.items.slice(0, maxCards)) {
        let article = feedItemToArticle(item, parsed.feed, sourceId);
        if (item.isTeaser && fetchPages === "auto")
          article = (await withPageText(reader, article)).article;
        const result = await toCard(article);
        if (result.ok) cards.push(result.card);
        else skipped.push({ title: item.title ?? item.key, reason: result.error.reason });
      }
      return { ok: true, url: url.href, kind: "feed", title: parsed.feed.title, cards, skipped };
    }

    const sourceId = `page:${url.href}`;
    // Already fetched: extract from this text rather than fetching the page twice.
    const page = await extractPage(text, { url: response.url, sourceId });
    if (!page.ok)
      return { ok: false, url: url.href, error: `no article found there (${page.error.reason})` };
    const result = await toCard({ ...page.article, key: url.href, sourceId });
    if (!result.ok)
      return { ok: false, url: url.href, error: `no card could be made (${result.error.reason})` };
    return {
      ok: true,
      url: url.href,
      kind: "page",
      title: page.article.title,
      cards: [result.card],
      skipped: [],
    };
  };
}
