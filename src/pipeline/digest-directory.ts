import type { FactCard } from "../model/index.js";
import type { ArticleError } from "../lib/index.js";
import {
  directorySourceId,
  fileArticle,
  readArticleDir,
  type ReadResult,
} from "../sources/index.js";
import { articleText, cardForArticle } from "./card-for-article.js";

export interface DirectoryDigest {
  cards: FactCard[];
  errors: ArticleError[];
  /** The text each card was built from, by card id: what story clustering compares. */
  texts: Map<string, string>;
}

/** Cards for every readable article in `dir`; bad files are reported, never fatal. */
export async function digestDirectory(
  dir: string,
  options: {
    maxBytes: number;
    allowHardlinks?: boolean;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<DirectoryDigest> {
  const results = await readArticleDir(dir, options.maxBytes, {
    allowHardlinks: options.allowHardlinks === true,
  });
  const sourceId = directorySourceId(dir);
  const cards: FactCard[] = [];
  const errors: ArticleError[] = [];
  const texts = new Map<string, string>();
  const digestOne = (read: ReadResult): void => {
    if (!read.ok) return void errors.push(read.error);
    const article = fileArticle(sourceId, read.article);
    const result = cardForArticle(article);
    if (!result.ok) return void errors.push(result.error);
    cards.push(result.card);
    texts.set(result.card.id, articleText(article));
  };
  results.forEach((read, i) => {
    digestOne(read);
    options.onProgress?.(i + 1, results.length);
  });
  return { cards, errors, texts };
}
