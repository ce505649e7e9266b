import { ArticleError } from "../lib/index.js";
import type { FactCard } from "../model/index.js";
import {
  feedItemToArticle,
  parseFeed,
  type HostLimiter,
  type HttpClient,
} from "../sources/index.js";
import { articleText, cardForArticle } from "./card-for-article.js";
import type { DirectoryDigest } from "./digest-directory.js";
import type { PageExtractor } from "./page-extractor.js";
import { readLocalSource, type ReadOutcome } from "./read-local-source.js";
import { readPage, withPageText } from "./read-page.js";
import { describeFetchError, resolveSource } from "./resolve-source.js";

export interface ReadSourcesDeps {
  http: HttpClient;
  limiter?: HostLimiter;
  extractPage: PageExtractor;
  fetchPages: "auto" | "never";
  maxBytes: number;
}

const isUrl = (entry: string) => /^https?:\/\//i.test(entry);

async function readUrl(deps: ReadSourcesDeps, url: string): Promise<ReadOutcome> {
  const fail = (reason: string) => ({ articles: [], errors: [new ArticleError(url, reason)] });
  const resolved = await resolveSource(deps, url);
  if (!resolved.ok) return fail(resolved.error);
  if (resolved.kind === "page") {
    const page = await readPage(deps, resolved.url, `page:${resolved.url}`);
    return page.ok ? { articles: [page.article], errors: [] } : fail(page.error.reason);
  }
  const response = await deps.http.get(resolved.url);
  if (!response.ok) return fail(describeFetchError(response.error));
  const parsed = parseFeed(response.text(), { url: resolved.url });
  if (!parsed.ok) return fail(parsed.error.message);
  const articles = [];
  for (const item of parsed.feed.items) {
    const article = feedItemToArticle(item, parsed.feed, `feed:${resolved.url}`);
    const teaser = item.isTeaser && deps.fetchPages === "auto";
    articles.push(teaser ? (await withPageText(deps, article)).article : article);
  }
  return { articles, errors: [] };
}

/** Every source given (URLs, folders, files) read as articles, in the order given; failures are values. */
export async function readSources(
  deps: ReadSourcesDeps,
  entries: readonly string[],
): Promise<ReadOutcome> {
  const all: ReadOutcome = { articles: [], errors: [] };
  for (const entry of entries) {
    const one = isUrl(entry) ? await readUrl(deps, entry) : await readLocalSource(entry, deps);
    all.articles.push(...one.articles);
    all.errors.push(...one.errors);
  }
  return all;
}

/** Cards for the articles read; an article without a card is reported like an unreadable file. */
export function digestArticles(outcome: ReadOutcome): DirectoryDigest {
  const cards: FactCard[] = [];
  const errors = [...outcome.errors];
  const texts = new Map<string, string>();
  for (const article of outcome.articles) {
    const result = cardForArticle(article);
    if (result.ok) {
      cards.push(result.card);
      texts.set(result.card.id, articleText(article));
    } else errors.push(result.error);
  }
  return { cards, errors, texts };
}
