import { lstat, open, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { ArticleError } from "../../lib/index.js";

export interface RawArticle {
  /** File name relative to the articles folder: the card's `source`. */
  source: string;
  text: string;
}

export type ReadResult = { ok: true; article: RawArticle } | { ok: false; error: ArticleError };

const utf8 = new TextDecoder("utf-8", { fatal: true });

function fail(source: string, reason: string, cause?: unknown): ReadResult {
  return { ok: false, error: new ArticleError(source, reason, { cause }) };
}

/**
 * Reads one article with every check done before the text is trusted: size before reading,
 * symlinks kept inside the folder, binary and non-UTF-8 content refused, blank files refused.
 */
export async function readArticleFile(
  root: string,
  name: string,
  maxBytes: number,
): Promise<ReadResult> {
  const full = path.join(root, name);
  try {
    const link = await lstat(full);
    if (link.isSymbolicLink()) {
      const [target, base] = await Promise.all([realpath(full), realpath(root)]);
      if (
        path.relative(base, target).startsWith("..") ||
        path.isAbsolute(path.relative(base, target))
      ) {
        return fail(name, "symlink leads outside the articles folder");
      }
    }
    const info = await stat(full);
    if (!info.isFile()) return fail(name, "not a regular file");
    if (info.size > maxBytes)
      return fail(name, `larger than MAX_ARTICLE_BYTES (${info.size} > ${maxBytes} bytes)`);
    const handle = await open(full, "r");
    let bytes: Buffer;
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
    if (bytes.length > maxBytes)
      return fail(name, `larger than MAX_ARTICLE_BYTES (${bytes.length} > ${maxBytes} bytes)`);
    if (bytes.includes(0)) return fail(name, "binary file (contains NUL bytes)");
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch (cause) {
      return fail(name, "not valid UTF-8", cause);
    }
    if (text.replace(/^\uFEFF/, "").trim() === "") return fail(name, "empty file");
    return { ok: true, article: { source: name, text } };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return fail(name, "file not found (or a broken symlink)", cause);
    if (code === "EACCES") return fail(name, "permission denied", cause);
    return fail(name, `cannot read: ${(cause as Error).message}`, cause);
  }
}
