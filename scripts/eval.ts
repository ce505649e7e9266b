/**
 * Every quality figure in one run: the summarizer against Lead-3, Lead-k and TextRank-k on the BBC
 * sample with seed fact recall, cards on messy real-world text (before/after), web page extraction
 * and story clustering. Prints them and refreshes their sections of docs/quality.md. Exits 1 when
 * a card is unfaithful.
 *
 *   npm run eval [-- --data DIR] [-- --no-write]
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { evalMessy } from "./eval-messy.js";
import { aggregateEval } from "./lib/aggregate-eval.js";
import { readBbcDataset } from "./lib/bbc-dataset.js";
import { writeSection } from "./lib/doc-section.js";
import { messySection, storiesSection, webSection } from "./lib/eval-sections.js";
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
  const messy = await evalMessy({ bbcDir: dataDir });
  const sections: Array<[name: string, body: string]> = [
    // The report's own H1 is the doc's title.
    ["summarizer", report.replace(/^# .*\n+/, "")],
    ["messy", messySection(messy)],
    ["web", webSection(root, path.join(root, "..", "shared", "eval", "web-articles"))],
    ["stories", storiesSection(root)],
  ];
  for (const [, body] of sections) console.log(`${body}\n`);
  if (!values["no-write"]) {
    await mkdir(path.join(root, "docs"), { recursive: true });
    const file = path.join(root, "docs", "quality.md");
    for (const [name, body] of sections) await writeSection(file, "Quality", name, body);
    console.error("wrote docs/quality.md");
  }
  for (const c of [...messy.messy.checks, ...messy.bbc.checks])
    if (c.violations.length) summary.violations.push({ id: `messy/${c.id}`, issues: c.violations });
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
