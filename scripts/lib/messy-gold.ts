import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/** What a card of one messy article must show; null title: the article has no headline of its own. */
export const MessyGold = z.object({
  title: z.string().min(1).nullable(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  place: z.string().min(1).nullable(),
  facts: z.array(z.string().min(1)),
});
export type MessyGold = z.infer<typeof MessyGold>;

/** The gold file: article file name -> gold; keys starting with "_" are notes. */
const GoldFile = z.record(z.string(), z.unknown()).transform((entries) =>
  Object.entries(entries)
    .filter(([name]) => !name.startsWith("_"))
    .map(([name, gold]) => [name, MessyGold.parse(gold)] as const),
);

export interface GoldArticle {
  id: string;
  text: string;
  /** Null where a set has no hand-made gold for this field (the BBC sample has titles only). */
  gold: { title: string | null; date?: string | null; place?: string | null; facts?: string[] };
}

/** Reads `gold.json` and the articles it names, sorted by file name; a named file must exist. */
export async function readMessySet(dir: string): Promise<GoldArticle[]> {
  const gold = GoldFile.parse(JSON.parse(await readFile(path.join(dir, "gold.json"), "utf8")));
  const texts = new Set((await readdir(dir)).filter((n) => n.endsWith(".txt")));
  const missing = gold.filter(([name]) => !texts.has(name)).map(([name]) => name);
  if (missing.length) throw new Error(`gold names missing articles: ${missing.join(", ")}`);
  const out: GoldArticle[] = [];
  for (const [name, g] of [...gold].sort(([a], [b]) => a.localeCompare(b)))
    out.push({ id: name, text: await readFile(path.join(dir, name), "utf8"), gold: g });
  return out;
}
