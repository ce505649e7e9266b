import type { Article } from "../model/index.js";
import type { HostLimiter, HttpClient } from "../sources/index.js";
import type { PageExtractor, PageExtractResult } from "./page-extractor.js";
import { ArticleError } from "../lib/index.js";

export interface PageReader {
  http: HttpClient;
  limiter?: HostLimiter;
  extractPage: PageExtractor;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

/** Fetches one page through the guarded client (spaced per host) and extracts its article. */
export async function readPage(
  reader: PageReader,
  url: string,
  sourceId: string,
): Promise<PageExtractResult> {
  const get = () => reader.http.get(url, { headers: { accept: "text/html,*/*;q=0.8" } });
  const response = await (reader.limiter ? reader.limiter.run(hostOf(url), get) : get());
  if (!response.ok) return { ok: false, error: new ArticleError(url, response.error.message) };
  return reader.extractPage(response.text(), { url: response.url, sourceId });
}

/** A teaser's article with the linked page's text; the feed's own text when the page fails. */
export async function withPageText(
  reader: PageReader,
  article: Article,
): Promise<{ article: Article; fromPage: boolean }> {
  if (article.url === null) return { article, fromPage: false };
  const page = await readPage(reader, article.url, article.sourceId);
  if (!page.ok || page.article.text.length <= article.text.length) {
    return { article, fromPage: false };
  }
  const fromPage: Article = {
    ...article,
    text: page.article.text,
    title: article.title ?? page.article.title,
    date: article.date ?? page.article.date,
    place: article.place ?? page.article.place,
    publisher: article.publisher ?? page.article.publisher,
  };
  return { article: fromPage, fromPage: true };
}
