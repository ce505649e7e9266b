import { stat } from "node:fs/promises";
import path from "node:path";
import { listArticleFiles } from "./read-article-dir.js";
import { readArticleFile, type ReadResult } from "./read-article-file.js";

/** One article a source offers, with a signature that changes whenever its content may have. */
export interface ArticleEntry {
  /** Stable key, the card's `source` (a file name today; a feed item id later). */
  key: string;
  signature: string;
}

/**
 * Where articles come from. The directory is the first source; a feed is another implementation
 * of the same two calls, and nothing downstream changes.
 */
export interface ArticleSource {
  /** What the source offers now. */
  list(): Promise<ArticleEntry[]>;
  /** One article's text, or a reason it cannot be used (a value, never a throw). */
  read(key: string): Promise<ReadResult>;
}

/** `*.txt` files of a folder; size and mtime make the signature, so unchanged files are not re-read. */
export function createDirectorySource(dir: string, maxBytes: number): ArticleSource {
  return {
    list: async () => {
      const entries: ArticleEntry[] = [];
      for (const name of await listArticleFiles(dir)) {
        const info = await stat(path.join(dir, name)).catch(() => undefined);
        entries.push({ key: name, signature: info ? `${info.size}:${info.mtimeMs}` : "gone" });
      }
      return entries;
    },
    read: (key) => readArticleFile(dir, key, maxBytes),
  };
}
