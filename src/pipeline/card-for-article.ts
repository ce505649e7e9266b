import { createHash } from "node:crypto";
import { digestArticle, type DigestResult } from "../digest/index.js";
import type { ArticleError } from "../lib/index.js";
import type { Article, CardDraft, FactCard } from "../model/index.js";

export type CardResult = { ok: true; card: FactCard } | { ok: false; error: ArticleError };

/** A card's stable id: the same for an item of a source whatever its text becomes. */
export function cardId(sourceId: string, key: string): string {
  return createHash("sha256").update(`${sourceId}\n${key}`).digest("hex").slice(0, 12);
}

/** The text the card builder reads: a headline known only from metadata goes on top. */
export function articleText(article: Pick<Article, "title" | "text">): string {
  const title = article.title?.trim();
  if (!title || article.text.trimStart().startsWith(title)) return article.text;
  return `${title}\n\n${article.text}`;
}

/** The builder's draft placed in its source: stable id, provenance, and metadata the text lacked. */
export function placeCard(draft: CardDraft, article: Article): FactCard {
  return {
    id: cardId(article.sourceId, article.key),
    sourceId: article.sourceId,
    key: article.key,
    source: article.source,
    url: article.url,
    publisher: article.publisher,
    title: draft.title,
    date: draft.date ?? article.date,
    place: draft.place ?? article.place,
    summary: draft.summary,
    facts: draft.facts,
    tags: draft.tags,
    contentHash: draft.id,
  };
}

/** Turns an article's text into a draft: in process, or in a worker pool off the main thread. */
export type DigestFn = (input: { source: string; text: string }) => Promise<DigestResult>;

/** One article to one card; a failure is a value naming the article. */
export function cardForArticle(article: Article): CardResult {
  const result = digestArticle({ source: article.source, text: articleText(article) });
  return result.ok ? { ok: true, card: placeCard(result.card, article) } : result;
}

/** The same through a `DigestFn` (the worker pool, so no article can stall the process). */
export async function cardForArticleWith(article: Article, digest: DigestFn): Promise<CardResult> {
  const result = await digest({ source: article.source, text: articleText(article) });
  return result.ok ? { ok: true, card: placeCard(result.card, article) } : result;
}
