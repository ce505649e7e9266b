import { readdir } from "node:fs/promises";
import { ArticleError } from "../../lib/index.js";
import { readArticleFile, type ReadArticleOptions, type ReadResult } from "./read-article-file.js";

/** Every `*.txt` in `dir` (not recursive), in name order so output is deterministic. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.name.toLowerCase().endsWith(".txt") && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
}

export async function readArticleDir(
  dir: string,
  maxBytes: number,
  options: ReadArticleOptions = {},
): Promise<ReadResult[]> {
  let names: string[];
  try {
    names = await listArticleFiles(dir);
  } catch (cause) {
    const reason =
      (cause as NodeJS.ErrnoException).code === "ENOENT"
        ? "folder not found"
        : "cannot list folder";
    throw new ArticleError(dir, reason, { cause });
  }
  const results: ReadResult[] = [];
  for (const name of names) results.push(await readArticleFile(dir, name, maxBytes, options));
  return results;
}
