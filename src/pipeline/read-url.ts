import { ArticleError } from "../lib/index.js";
import { feedItemToArticle, parseFeed } from "../sources/index.js";
import type { ReadOutcome } from "./read-local-source.js";
import { readPage, withPageText } from "./read-page.js";
import type { ReadSourcesDeps } from "./read-sources-deps.js";
import { describeFetchError, resolveSource } from "./resolve-source.js";

/** A feed, site or article page read as articles; failures are values. */
export async function readUrl(deps: ReadSourcesDeps, url: string): Promise<ReadOutcome> {
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
