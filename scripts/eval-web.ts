/**
 * Web page -> article extraction on ../shared/eval/web-articles: writes predictions, prints the
 * score.py table, ms per page and how many texts still hold furniture lines.
 * Flags: --pages (per-page precision/recall, worst first), --show ID (print one extraction).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { extractArticle } from "../src/sources/web/index.js";
import { furnitureLines } from "./lib/web-furniture.js";
import { loadWebPages } from "./lib/web-pages.js";
import { shingleScore } from "./lib/web-shingle-score.js";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: resolve("../shared/eval/web-articles") },
    pages: { type: "boolean", default: false },
    show: { type: "string" },
  },
});
const dir = values.data;
const pages = loadWebPages(dir);
const predictions: Record<string, { articleBody: string }> = {};
const rows: { id: string; precision: number; recall: number; title: string; date: string }[] = [];
let furnished = 0;
const started = process.hrtime.bigint();
for (const page of pages) {
  const result = extractArticle(page.html, { url: page.url, sourceId: `page:${page.url}` });
  const text = result.ok ? result.article.text : "";
  predictions[page.id] = { articleBody: text };
  if (result.ok)
    rows.push({
      id: page.id,
      ...shingleScore(page.truth, text),
      title: result.article.title ?? "-",
      date: result.article.date ?? "-",
    });
  else rows.push({ id: page.id, precision: 0, recall: 0, title: result.error.message, date: "-" });
  const leaks = furnitureLines(text);
  if (leaks.length > 0) furnished++;
  if (values.show && page.id.startsWith(values.show)) {
    console.log(
      JSON.stringify(
        result.ok ? { ...result.article, text: undefined } : result.error.message,
        null,
        1,
      ),
    );
    console.log(text, "\n----- truth -----\n", page.truth);
  }
  if (values.pages && leaks.length > 0) console.log(`furniture ${page.id.slice(0, 8)}:`, leaks);
}
const ms = Number(process.hrtime.bigint() - started) / 1e6 / pages.length;

const out = join(mkdtempSync(join(tmpdir(), "eval-web-")), "predictions.json");
writeFileSync(out, JSON.stringify(predictions));
if (values.pages) {
  for (const row of rows.sort((a, b) => f1(a) - f1(b))) {
    console.log(
      `${row.id.slice(0, 8)}  P ${row.precision.toFixed(3)}  R ${row.recall.toFixed(3)}  ${row.date}  ${row.title.slice(0, 70)}`,
    );
  }
}
console.log(execFileSync("python3", [join(dir, "score.py"), out], { encoding: "utf8" }).trimEnd());
console.log(`${pages.length} pages, ${ms.toFixed(1)} ms/page (parse + extract, one core)`);
console.log(
  `texts with furniture lines (Advertisement, Share this, Read more, Sign up, cookie): ${furnished} of ${pages.length}`,
);
console.log(`predictions: ${out}`);

function f1(row: { precision: number; recall: number }): number {
  return row.precision + row.recall === 0
    ? 0
    : (2 * row.precision * row.recall) / (row.precision + row.recall);
}
