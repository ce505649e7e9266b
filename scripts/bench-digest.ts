/**
 * Digest throughput on one core against the tokenize-only floor, over a reproducible 10,000-article
 * corpus; prints the table and refreshes the Digest section of docs/performance.md.
 *
 *   npm run bench [-- --articles N] [-- --data DIR] [-- --no-write]
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { digestArticle, tokenizeOnly } from "../src/digest/index.js";
import { readBbcDataset } from "./lib/bbc-dataset.js";
import { buildBenchCorpus } from "./lib/bench-corpus.js";
import { renderBenchReport } from "./lib/bench-report.js";
import { writeSection } from "./lib/doc-section.js";
import { startRssSampler } from "./lib/rss-sampler.js";
import { runPhase } from "./lib/run-phase.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WARM_UP = 300;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "10000" },
      data: {
        type: "string",
        default: path.join(root, "..", "shared", "eval", "bbc-news-summary"),
      },
      "no-write": { type: "boolean", default: false },
    },
  });
  const count = Number(values.articles);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--articles must be a positive integer, got ${values.articles}`);
  const sampler = startRssSampler(50);
  // Load the wink tokenizer first so the baseline RSS separates runtime cost from corpus cost.
  tokenizeOnly("Warm up.");
  digestArticle({ source: "warm-up.txt", text: "Warm up the pipeline. It has two sentences." });
  const loaded = process.memoryUsage.rss();

  const buildStart = performance.now();
  const texts = (await readBbcDataset(path.resolve(values.data))).map((a) => a.text);
  const corpus = buildBenchCorpus(texts, count);
  const buildMs = performance.now() - buildStart;
  const withCorpus = process.memoryUsage.rss();

  // Warm-up: JIT, wink's model and lazily built pipelines, so neither pass pays first-call costs.
  for (const a of corpus.slice(0, WARM_UP)) {
    tokenizeOnly(a.text);
    digestArticle(a);
  }

  let tokens = 0;
  const tokenize = await runPhase(
    corpus,
    (a) => {
      tokens += tokenizeOnly(a.text);
    },
    sampler,
  );
  let failures = 0;
  const digest = await runPhase(
    corpus,
    (a) => {
      if (!digestArticle(a).ok) failures++;
    },
    sampler,
  );
  sampler.stop();

  const report = renderBenchReport({
    date: new Date().toISOString().slice(0, 10),
    machine: {
      cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
      cores: os.cpus().length,
      node: process.version,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
    },
    corpus: {
      articles: corpus.length,
      megabytes: corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / (1024 * 1024),
      tokens,
      buildMs,
    },
    rssBaseline: { loaded, withCorpus },
    tokenize,
    digest: { ...digest, failures },
    // resourceUsage reports maxRSS in kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  });
  console.log(report);
  if (!values["no-write"]) {
    await writeSection(path.join(root, "docs", "performance.md"), "Performance", "digest", report);
    console.error("wrote the digest section of docs/performance.md");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
