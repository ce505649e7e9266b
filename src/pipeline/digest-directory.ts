import type { FactCard } from "../model/index.js";
import type { ArticleError } from "../lib/errors.js";
import { directorySourceId, fileArticle, readArticleDir } from "../sources/index.js";
import { cardForArticle } from "./card-for-article.js";

export interface DirectoryDigest {
  cards: FactCard[];
  errors: ArticleError[];
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
  results.forEach((read, i) => {
    const result = read.ok ? cardForArticle(fileArticle(sourceId, read.article)) : read;
    if (result.ok) cards.push(result.card);
    else errors.push(result.error);
    options.onProgress?.(i + 1, results.length);
  });
  return { cards, errors };
}
