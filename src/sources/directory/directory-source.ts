import { stat } from "node:fs/promises";
import path from "node:path";
import type { ArticleError } from "../../lib/index.js";
import type { Article } from "../../model/index.js";
import { listArticleFiles } from "./read-article-dir.js";
import { readArticleFile, type RawArticle, type ReadArticleOptions } from "./read-article-file.js";

/** One article a source offers, with a signature that changes whenever its content may have. */
export interface ArticleEntry {
  /** Stable key within the source (a file name; a feed item's guid). */
  key: string;
  signature: string;
}

export type SourceRead = { ok: true; article: Article } | { ok: false; error: ArticleError };

/**
 * Where articles come from. The folder is one implementation; feeds and pages are others, and
 * nothing downstream changes.
 */
export interface ArticleSource {
  /** Identifies the source in every card it gives (`dir:seeds`). */
  readonly id: string;
  /** Whether an item gone from `list()` loses its card (a folder) or keeps it until retention (a feed). */
  readonly removesGoneItems: boolean;
  /** What the source offers now. */
  list(): Promise<ArticleEntry[]>;
  /** One article, or a reason it cannot be used (a value, never a throw). */
  read(key: string): Promise<SourceRead>;
}

/** The source id of a folder: its path as given, normalized (`seeds`, `./seeds/` -> `dir:seeds`). */
export function directorySourceId(dir: string): string {
  return `dir:${path.normalize(dir).replace(/[\\/]+$/, "") || "."}`;
}

/** A file read from a folder as an `Article` of that folder's source. */
export function fileArticle(sourceId: string, raw: RawArticle): Article {
  return {
    sourceId,
    key: raw.source,
    source: raw.source,
    feed: null,
    url: null,
    title: null,
    date: null,
    place: null,
    publisher: null,
    text: raw.text,
  };
}

/** `*.txt` files of a folder; size and mtime make the signature, so unchanged files are not re-read. */
export function createDirectorySource(
  dir: string,
  maxBytes: number,
  options: ReadArticleOptions = {},
): ArticleSource {
  const id = directorySourceId(dir);
  return {
    id,
    removesGoneItems: true,
    list: async () => {
      const entries: ArticleEntry[] = [];
      for (const name of await listArticleFiles(dir)) {
        const info = await stat(path.join(dir, name)).catch(() => undefined);
        entries.push({ key: name, signature: info ? `${info.size}:${info.mtimeMs}` : "gone" });
      }
      return entries;
    },
    read: async (key) => {
      const read = await readArticleFile(dir, key, maxBytes, options);
      return read.ok ? { ok: true, article: fileArticle(id, read.article) } : read;
    },
  };
}
