/**
 * Scores the summarizer against Lead-3, Lead-k and TextRank-k on the BBC sample, and seed fact
 * recall; prints the report and refreshes docs/quality.md. Exits 1 when a card is unfaithful.
 *
 *   npm run eval [-- --data DIR] [-- --no-write]
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { aggregateEval } from "./lib/aggregate-eval.js";
import { readBbcDataset } from "./lib/bbc-dataset.js";
import { diagnose } from "./lib/eval-diagnostics.js";
import { evaluateArticle } from "./lib/evaluate-article.js";
import { renderQualityReport } from "./lib/quality-report.js";
import { seedRecall } from "./lib/seed-recall.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      data: {
        type: "string",
        default: path.join(root, "..", "shared", "eval", "bbc-news-summary"),
      },
      "no-write": { type: "boolean", default: false },
    },
  });
  const dataDir = path.resolve(values.data);
  const articles = await readBbcDataset(dataDir);
  const evals = articles.map(evaluateArticle);
  const summary = aggregateEval(evals);
  const seeds = await seedRecall(
    path.join(root, "test", "fixtures", "seed-gold.json"),
    path.join(root, "seeds"),
  );
  for (const s of seeds)
    if (s.violations.length)
      summary.violations.push({ id: `seeds/${s.seed}`, issues: s.violations });

  const report = renderQualityReport({
    // Relative to the repo so the report does not depend on where the clone lives.
    dataLabel: path.relative(root, dataDir) || ".",
    date: new Date().toISOString().slice(0, 10),
    summary,
    seeds,
    diagnostics: diagnose(articles, evals),
    examples: 5,
  });
  console.log(report);
  if (!values["no-write"]) {
    await mkdir(path.join(root, "docs"), { recursive: true });
    await writeFile(path.join(root, "docs", "quality.md"), report);
    console.error("wrote docs/quality.md");
  }
  if (summary.violations.length > 0) {
    console.error(`faithfulness below 100%: ${summary.violations.length} card(s) violate it`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
