import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface EvalArticle {
  /** `<topic>/<NNN>.txt`, stable and sortable. */
  id: string;
  text: string;
  /** Reference summary sentences, one per line of the summary file. */
  reference: string[];
}

async function listDirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * Reads `article/<topic>/<NNN>.txt` with its `summary/<topic>/<NNN>.txt`, sorted by id so every
 * run sees the same order. An article without a summary is an error: the dataset is broken.
 */
export async function readBbcDataset(root: string): Promise<EvalArticle[]> {
  const out: EvalArticle[] = [];
  for (const topic of await listDirs(path.join(root, "article"))) {
    const names = (await readdir(path.join(root, "article", topic)))
      .filter((n) => n.endsWith(".txt"))
      .sort();
    for (const name of names) {
      const text = await readFile(path.join(root, "article", topic, name), "utf8");
      const summary = await readFile(path.join(root, "summary", topic, name), "utf8");
      const reference = summary
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
      out.push({ id: `${topic}/${name}`, text, reference });
    }
  }
  if (out.length === 0) throw new Error(`no articles under ${path.join(root, "article")}`);
  return out;
}
