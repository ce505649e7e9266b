import type { Article, CardDraft } from "../model/index.js";
import { ArticleError, systemClock, type Clock } from "../lib/index.js";
import { parseArticle } from "./ingest/parse-article.js";
import { buildCard } from "./summarize/build-card.js";
import { createCardBudget, overBudgetReason } from "./summarize/card-budget.js";

export type DigestResult = { ok: true; card: CardDraft } | { ok: false; error: ArticleError };

export interface DigestOptions {
  /** Time one article may take; past it the article is skipped with a named error. Default 2000. */
  budgetMs?: number;
  clock?: Clock;
}

/** One article to one card; any failure is a value naming the file, never a throw. */
export function digestArticle(
  article: Pick<Article, "source" | "text">,
  options: DigestOptions = {},
): DigestResult {
  try {
    const budget = createCardBudget({ clock: options.clock ?? systemClock, ms: options.budgetMs });
    const parsed = parseArticle(article.text);
    const built = budget.expired()
      ? ({ ok: false, reason: overBudgetReason(budget.ms) } as const)
      : buildCard(article.source, parsed, budget);
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
