import type { Article, CardDraft } from "../model/index.js";
import { ArticleError } from "../lib/index.js";
import { parseArticle } from "./ingest/parse-article.js";
import { buildCard } from "./summarize/build-card.js";

export type DigestResult = { ok: true; card: CardDraft } | { ok: false; error: ArticleError };

/** One article to one card; any failure is a value naming the file, never a throw. */
export function digestArticle(article: Pick<Article, "source" | "text">): DigestResult {
  try {
    const built = buildCard(article.source, parseArticle(article.text));
    if (!built.ok) return { ok: false, error: new ArticleError(article.source, built.reason) };
    return { ok: true, card: built.card };
  } catch (cause) {
    return {
      ok: false,
      error: new ArticleError(
        article.source,
        `could not be summarized: ${(cause as Error).message}`,
        { cause },
      ),
    };
  }
}
