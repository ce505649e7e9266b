import type { FactCard } from "../model/index.js";
import { articleText, cardForArticle } from "./card-for-article.js";
import type { DirectoryDigest } from "./digest-directory.js";
import { readLocalSource, type ProgressReport, type ReadOutcome } from "./read-local-source.js";
import type { ReadSourcesDeps } from "./read-sources-deps.js";

export type { ReadSourcesDeps };

const isUrl = (entry: string) => /^https?:\/\//i.test(entry);

/** Loaded only for URLs: feed parsing and page extraction cost a local run load time. */
const readUrl = async (deps: ReadSourcesDeps, url: string) =>
  (await import("./read-url.js")).readUrl(deps, url);

/** Every source given (URLs, folders, files) read as articles, in the order given; failures are values. */
export async function readSources(
  deps: ReadSourcesDeps,
  entries: readonly string[],
): Promise<ReadOutcome> {
  const all: ReadOutcome = { articles: [], errors: [] };
  for (const [i, entry] of entries.entries()) {
    const one = isUrl(entry) ? await readUrl(deps, entry) : await readLocalSource(entry, deps);
    all.articles.push(...one.articles);
    all.errors.push(...one.errors);
    if (entries.length > 1)
      deps.onProgress?.({ done: i + 1, total: entries.length, unit: "sources" });
  }
  return all;
}

/** Cards for the articles read; an article without a card is reported like an unreadable file. */
export function digestArticles(outcome: ReadOutcome, onProgress?: ProgressReport): DirectoryDigest {
  const cards: FactCard[] = [];
  const errors = [...outcome.errors];
  const texts = new Map<string, string>();
  const total = outcome.articles.length;
  for (const [i, article] of outcome.articles.entries()) {
    onProgress?.({ done: i, total, unit: "articles" });
    const result = cardForArticle(article);
    if (result.ok) {
      cards.push(result.card);
      texts.set(result.card.id, articleText(article));
    } else errors.push(result.error);
  }
  return { cards, errors, texts };
}
