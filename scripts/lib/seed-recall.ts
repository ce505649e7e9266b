import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { digestArticle } from "../../src/digest/index.js";
import { cardViolations } from "./evaluate-article.js";
import { factRecall } from "./fact-recall.js";

/** The gold file: seed file name -> items a reader must get; keys starting with "_" are notes. */
const SeedGold = z
  .record(z.string(), z.union([z.string(), z.array(z.string().min(1))]))
  .transform((entries) =>
    Object.entries(entries)
      .filter((e): e is [string, string[]] => !e[0].startsWith("_") && Array.isArray(e[1]))
      .sort(([a], [b]) => a.localeCompare(b)),
  );

export interface SeedResult {
  seed: string;
  total: number;
  found: string[];
  missed: string[];
  error: string | null;
  violations: string[];
}

/** Digests each gold seed and checks which gold items its title + summary + facts carry. */
export async function seedRecall(goldFile: string, seedsDir: string): Promise<SeedResult[]> {
  const gold = SeedGold.parse(JSON.parse(await readFile(goldFile, "utf8")));
  const results: SeedResult[] = [];
  for (const [seed, items] of gold) {
    const text = await readFile(path.join(seedsDir, seed), "utf8");
    const digest = digestArticle({ source: seed, text });
    if (!digest.ok) {
      results.push({
        seed,
        total: items.length,
        found: [],
        missed: [...items],
        error: digest.error.reason,
        violations: [],
      });
      continue;
    }
    const { card } = digest;
    const shown = [card.title, card.summary, ...card.facts.map((f) => f.text)].join("\n");
    results.push({
      seed,
      total: items.length,
      ...factRecall(shown, items),
      error: null,
      violations: cardViolations(card, text),
    });
  }
  return results;
}
