/**
 * Robustness fuzz: cards thousands of deterministic adversarial and mutated real articles and
 * checks none crashes, none goes unnamed, none takes over a second; prints the table and
 * refreshes the fuzz section of docs/reliability.md.
 *
 *   npm run fuzz [-- --count N] [-- --seed S] [-- --pool] [-- --no-write]
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import { CardDraft as FactCard, digestArticle, type DigestResult } from "../src/digest/index.js";
import { createCardPool } from "../src/pipeline/card-pool/index.js";
import { readBbcDataset } from "./lib/bbc-dataset.js";
import { writeSection } from "./lib/doc-section.js";
import { fuzzCorpus, type FuzzArticle } from "./lib/fuzz-corpus.js";
import { renderFuzzReport, type FuzzOutcome } from "./lib/fuzz-report.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** In process the budget is lifted, so the times below are what each step really costs. */
const NO_BUDGET_MS = 600_000;
const POOL_HEAP_MB = 200;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A card that breaks a promise the README makes is a bug, like a crash. */
function cardProblem(card: FactCard): string | null {
  if (!FactCard.safeParse(card).success) return "invalid card";
  const texts = [card.title, card.summary, ...card.facts.map((f) => f.text), ...card.tags];
  if (texts.some((t) => LONE_SURROGATE.test(t))) return "lone surrogate";
  const facts = card.facts.map((f) => f.text);
  if (new Set(facts).size < facts.length || facts.includes(card.summary)) return "repeated text";
  return null;
}

/** Folds figures out of a reason so "took longer than 2000 ms" and "… 400 ms" count together. */
function outcomeOf(result: DigestResult): { outcome: string; carded: boolean; crashed: boolean } {
  if (result.ok) {
    const problem = cardProblem(result.card);
    return problem
      ? { outcome: `CRASH: ${problem}`, carded: false, crashed: true }
      : { outcome: "carded", carded: true, crashed: false };
  }
  const reason = result.error.reason.replace(/\d+/g, "N");
  const crashed =
    result.error.name !== "ArticleError" || reason.startsWith("could not be summarized");
  return { outcome: crashed ? `CRASH: ${reason}` : reason, carded: false, crashed };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "10000" },
      seed: { type: "string", default: "2026" },
      pool: { type: "boolean", default: false },
      "no-write": { type: "boolean", default: false },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer`);
  const real = (
    await readBbcDataset(path.join(root, "..", "shared", "eval", "bbc-news-summary"))
  ).map((a) => a.text);
  // Through the pool each worker gets the 200 MB heap the target names; past it, it is killed.
  const pool = values.pool ? createCardPool({ size: 1, maxHeapMb: POOL_HEAP_MB }) : null;
  const digest = async (a: FuzzArticle): Promise<DigestResult> => {
    try {
      return pool ? await pool.digest(a) : digestArticle(a, { budgetMs: NO_BUDGET_MS });
    } catch (error) {
      return {
        ok: false,
        error: Object.assign(new Error(String(error)), { reason: String(error) }) as never,
      };
    }
  };
  const warmUp = { source: "warm-up.txt", text: "Warm up the pipeline. It has two sentences." };
  // The first call also starts the worker (or loads the model): not an article's cost.
  await digest({ ...warmUp, shape: "warm-up", family: "warm-up" });
  const outcomes: FuzzOutcome[] = [];
  let peakHeapUsed = 0;
  const start = performance.now();
  for (const article of fuzzCorpus(real, count, seed)) {
    const began = performance.now();
    const result = await digest(article);
    const ms = performance.now() - began;
    peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
    const { text, ...meta } = article;
    outcomes.push({ ...meta, chars: text.length, ms, ...outcomeOf(result) });
    if (outcomes.length % 1000 === 0) console.error(`${outcomes.length} articles…`);
  }
  await pool?.close();
  const report = renderFuzzReport({
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    mode: pool ? "through the card pool (1 worker)" : "in process",
    seed,
    outcomes,
    peakHeapUsedMb: peakHeapUsed / 2 ** 20,
    heapLimitMb: pool ? POOL_HEAP_MB : v8.getHeapStatistics().heap_size_limit / 2 ** 20,
    maxRssMb: (process.resourceUsage().maxRSS * 1024) / 2 ** 20,
    wallMs: performance.now() - start,
  });
  console.log(report);
  const bad = outcomes.filter((o) => o.crashed || o.ms > 1_000).length;
  if (!values["no-write"]) {
    await writeSection(path.join(root, "docs", "reliability.md"), "Reliability", "fuzz", report);
    console.error("wrote the fuzz section of docs/reliability.md");
  }
  if (bad > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
