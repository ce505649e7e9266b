import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ArticleError } from "../lib/index.js";
import type { Article } from "../model/index.js";
import {
  directorySourceId,
  feedItemToArticle,
  fileArticle,
  readArticleFile,
  sniffFeed,
} from "../sources/index.js";
import type { PageExtractor } from "./page-extractor.js";

/** How far a long read has come; the CLI draws it as a progress line. */
export type ProgressReport = (step: {
  done: number;
  total: number;
  unit: "sources" | "files" | "articles";
}) => void;

export interface ReadOutcome {
  articles: Article[];
  errors: ArticleError[];
}

const PAGE = /\.html?$/i;
const FEED = /\.(xml|rss|atom|json)$/i;
const TEXT = /\.txt$/i;

/** One local file: `.txt` an article, `.html/.htm` a page, `.xml/.rss/.atom/.json` a feed when it is one. */
async function readFile1(
  dir: string,
  name: string,
  sourceId: string,
  options: { maxBytes: number; extractPage: PageExtractor },
): Promise<ReadOutcome> {
  const fail = (reason: string) => ({ articles: [], errors: [new ArticleError(name, reason)] });
  if (TEXT.test(name)) {
    const read = await readArticleFile(dir, name, options.maxBytes);
    return read.ok
      ? { articles: [fileArticle(sourceId, read.article)], errors: [] }
      : { articles: [], errors: [read.error] };
  }
  const full = path.join(dir, name);
  const info = await stat(full).catch(() => undefined);
  if (!info?.isFile()) return fail("file not found");
  if (info.size > options.maxBytes) return fail(`larger than ${options.maxBytes} bytes`);
  const text = await readFile(full, "utf8");
  if (PAGE.test(name)) {
    const page = await options.extractPage(text, { url: name, sourceId });
    if (!page.ok) return fail(page.error.reason);
    return { articles: [{ ...page.article, key: name, source: name, url: null }], errors: [] };
  }
  if (!sniffFeed(text)) return fail("not a feed");
  // Loaded on the first feed file: the feed parser costs a folder of .txt files load time.
  const { parseFeed } = await import("../sources/index.js");
  const parsed = parseFeed(text, { url: full });
  if (!parsed.ok) return fail(parsed.error.message);
  const feedId = `feed:${full}`;
  return {
    articles: parsed.feed.items.map((item) => feedItemToArticle(item, parsed.feed, feedId)),
    errors: [],
  };
}

/** A folder (its `.txt`, page and feed files, in name order) or one file, read as articles. */
export async function readLocalSource(
  target: string,
  options: { maxBytes: number; extractPage: PageExtractor; onProgress?: ProgressReport },
): Promise<ReadOutcome> {
  const info = await stat(target).catch(() => undefined);
  if (info === undefined) throw new ArticleError(target, "folder not found");
  if (!info.isDirectory()) {
    const dir = path.dirname(target);
    return readFile1(dir, path.basename(target), `file:${target}`, options);
  }
  const names = (await readdir(target, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => e.name)
    .filter((n) => TEXT.test(n) || PAGE.test(n) || FEED.test(n))
    .sort();
  const outcome: ReadOutcome = { articles: [], errors: [] };
  const sourceId = directorySourceId(target);
  for (const [i, name] of names.entries()) {
    const one = await readFile1(target, name, sourceId, options);
    outcome.articles.push(...one.articles);
    outcome.errors.push(...one.errors);
    options.onProgress?.({ done: i + 1, total: names.length, unit: "files" });
  }
  return outcome;
}
