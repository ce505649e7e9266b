import type { FactCard } from "../model/index.js";
import { systemClock, type Clock } from "../lib/clock.js";
import { ArticleError } from "../lib/errors.js";
import type { RawArticle } from "./ingest/read-article-file.js";
import { parseArticle } from "./ingest/parse-article.js";
import { buildCard } from "./summarize/build-card.js";
import { createCardBudget, overBudgetReason } from "./summarize/card-budget.js";

export type DigestResult = { ok: true; card: FactCard } | { ok: false; error: ArticleError };

export interface DigestOptions {
  /** Time one article may take; past it the article is skipped with a named error. Default 2000. */
  budgetMs?: number;
  clock?: Clock;
}

/** One article to one card; any failure is a value naming the file, never a throw. */
export function digestArticle(article: RawArticle, options: DigestOptions = {}): DigestResult {
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
