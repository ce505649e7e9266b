/**
 * Card quality on messy real-world layouts (test/fixtures/messy) and on the BBC sample: gold fact
 * recall, lost numbers, bad cuts, page furniture, headline, date and place accuracy.
 *
 *   npx tsx scripts/eval-messy.ts [--bbc DIR] [--details]
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { digestArticle } from "../src/digest/index.js";
import { readBbcDataset } from "./lib/bbc-dataset.js";
import { readMessySet, type GoldArticle } from "./lib/messy-gold.js";
import { checkCard, type CardCheck } from "./lib/messy-metrics.js";
import {
  aggregateChecks,
  renderMessyTable,
  renderProblems,
  type MessyFigures,
} from "./lib/messy-report.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface MessyEval {
  messy: { checks: CardCheck[]; figures: MessyFigures };
  bbc: { checks: CardCheck[]; figures: MessyFigures };
  /** The markdown table, messy and BBC side by side. */
  table: string;
}

function checkAll(articles: readonly GoldArticle[]): CardCheck[] {
  return articles.map((a) => {
    const result = digestArticle({ source: a.id, text: a.text });
    return result.ok ? checkCard(a, result.card, null) : checkCard(a, null, result.error.reason);
  });
}

/** The BBC sample's gold is its headline (the first line); it has no date, place or fact gold. */
async function bbcArticles(dir: string): Promise<GoldArticle[]> {
  return (await readBbcDataset(dir)).map((a) => ({
    id: a.id,
    text: a.text,
    gold: { title: a.text.split(/\r?\n/, 1)[0]!.trim() || null },
  }));
}

export async function evalMessy(
  options: { messyDir?: string; bbcDir?: string } = {},
): Promise<MessyEval> {
  const messyDir = options.messyDir ?? path.join(root, "test", "fixtures", "messy");
  const bbcDir = options.bbcDir ?? path.join(root, "..", "shared", "eval", "bbc-news-summary");
  const messyChecks = checkAll(await readMessySet(messyDir));
  const bbcChecks = checkAll(await bbcArticles(bbcDir));
  const messy = { checks: messyChecks, figures: aggregateChecks(messyChecks) };
  const bbc = { checks: bbcChecks, figures: aggregateChecks(bbcChecks) };
  const table = renderMessyTable([
    { label: `messy (${messy.figures.articles})`, figures: messy.figures },
    { label: `BBC (${bbc.figures.articles})`, figures: bbc.figures },
  ]);
  return { messy, bbc, table };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { bbc: { type: "string" }, details: { type: "boolean", default: false } },
  });
  const result = await evalMessy(values.bbc ? { bbcDir: path.resolve(values.bbc) } : {});
  console.log(result.table);
  if (values.details) {
    console.log(`\n### messy problems\n\n${renderProblems(result.messy.checks)}`);
    console.log(`\n### BBC problems\n\n${renderProblems(result.bbc.checks)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
