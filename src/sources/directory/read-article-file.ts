import { constants } from "node:fs";
import { open, realpath, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { ArticleError } from "../../lib/index.js";
import { decodeArticleBytes } from "./decode-article-bytes.js";

export interface RawArticle {
  /** File name relative to the articles folder: the card's `source`. */
  source: string;
  text: string;
}

export type ReadResult = { ok: true; article: RawArticle } | { ok: false; error: ArticleError };

export interface ReadArticleOptions {
  /** Read regular files with more than one hard link (a link can alias a file outside the folder). */
  allowHardlinks?: boolean;
}

// O_NONBLOCK: opening a FIFO must not hang the scan; it is refused as "not a regular file" below.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

function fail(source: string, reason: string, cause?: unknown): ReadResult {
  return { ok: false, error: new ArticleError(source, reason, { cause }) };
}

function isInside(base: string, target: string): boolean {
  const rel = path.relative(base, target);
  return rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** Checks what was actually opened, so a link swapped between checks cannot smuggle a file in. */
async function checkOpened(
  handle: FileHandle,
  root: string,
  full: string,
  name: string,
  maxBytes: number,
  options: ReadArticleOptions,
): Promise<ReadResult | undefined> {
  const opened = await handle.stat();
  if (!opened.isFile()) return fail(name, "not a regular file");
  const [base, target] = await Promise.all([realpath(root), realpath(full)]);
  if (!isInside(base, target)) return fail(name, "symlink leads outside the articles folder");
  const resolved = await stat(target);
  if (resolved.dev !== opened.dev || resolved.ino !== opened.ino) {
    return fail(name, "file was replaced while being opened (a symlink race?)");
  }
  if (opened.nlink > 1 && options.allowHardlinks !== true) {
    return fail(name, "file has more than one hard link (set ALLOW_HARDLINKS=true to read it)");
  }
  if (opened.size > maxBytes)
    return fail(name, `larger than MAX_ARTICLE_BYTES (${opened.size} > ${maxBytes} bytes)`);
  return undefined;
}

/**
 * Reads one article with every check done on the opened descriptor before the text is trusted:
 * size before reading, symlinks kept inside the folder, hard links refused, binary and undecodable
 * content refused, blank files refused.
 */
export async function readArticleFile(
  root: string,
  name: string,
  maxBytes: number,
  options: ReadArticleOptions = {},
): Promise<ReadResult> {
  const full = path.join(root, name);
  try {
    const handle = await open(full, OPEN_FLAGS);
    let bytes: Buffer;
    try {
      const refused = await checkOpened(handle, root, full, name, maxBytes, options);
      if (refused) return refused;
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
    if (bytes.length > maxBytes)
      return fail(name, `larger than MAX_ARTICLE_BYTES (${bytes.length} > ${maxBytes} bytes)`);
    const decoded = decodeArticleBytes(bytes);
    if (!decoded.ok) return fail(name, decoded.reason, decoded.cause);
    if (decoded.text.replace(/^\uFEFF/, "").trim() === "") return fail(name, "empty file");
    return { ok: true, article: { source: name, text: decoded.text } };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return fail(name, "file not found (or a broken symlink)", cause);
    if (code === "EACCES") return fail(name, "permission denied", cause);
    if (code === "ENXIO") return fail(name, "not a regular file", cause);
    return fail(name, `cannot read: ${(cause as Error).message}`, cause);
  }
}
