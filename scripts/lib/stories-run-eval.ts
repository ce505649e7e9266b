import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fixedClock } from "../../src/lib/clock.js";
import { createStoryIndex, type StoryDoc } from "../../src/stories/index.js";
import { mulberry32, shuffled } from "./prng.js";
import { loadStoryDocs } from "./stories-load-docs.js";

const ARRIVED_AT = "2026-06-30T00:00:00.000Z";
const SCORER = path.resolve("../shared/eval/stories/score.py");

export interface SetScore {
  pairwiseF1: number;
  bcubedF1: number;
  report: string;
}

/** Assigns the docs in the given order, writes the stories and runs the shared scorer on them. */
function scoreOrder(docs: readonly StoryDoc[], gold: string, predPath: string): SetScore {
  const index = createStoryIndex({ clock: fixedClock(ARRIVED_AT) });
  for (const doc of docs) index.assign(doc);
  const predicted = index.stories().map((s) => ({ id: s.id, sources: s.cardIds }));
  writeFileSync(predPath, JSON.stringify(predicted, null, 1));
  const jsonPath = `${predPath}.score.json`;
  const report = execFileSync("python3", [SCORER, gold, predPath, "--json", jsonPath], {
    encoding: "utf8",
  });
  const scores = JSON.parse(readFileSync(jsonPath, "utf8")) as {
    pairwise: { f1: number };
    bcubed: { f1: number };
  };
  return { pairwiseF1: scores.pairwise.f1, bcubedF1: scores.bcubed.f1, report };
}

export interface SetResult {
  /** Articles assigned in file-name order (the figure the issue asks for). */
  named: SetScore;
  /** Means over name order, reverse order and `shuffles` seeded shuffles: how much order matters. */
  averaged: { pairwiseF1: number; bcubedF1: number; worstPairwiseF1: number; orders: number };
}

export function evalStorySet(name: string, dir: string, outDir: string, shuffles = 8): SetResult {
  const docs = loadStoryDocs(path.join(dir, "articles"), ARRIVED_AT);
  const gold = path.join(dir, "gold.json");
  mkdirSync(outDir, { recursive: true });
  const named = scoreOrder(docs, gold, path.join(outDir, `${name}-pred.json`));
  const orders = [
    [...docs].reverse(),
    ...Array.from({ length: shuffles }, (_, k) => shuffled(docs, mulberry32(k + 1))),
  ];
  const scores = [
    named,
    ...orders.map((o) => scoreOrder(o, gold, path.join(outDir, `${name}-order.json`))),
  ];
  const mean = (pick: (s: SetScore) => number) =>
    scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
  return {
    named,
    averaged: {
      pairwiseF1: mean((s) => s.pairwiseF1),
      bcubedF1: mean((s) => s.bcubedF1),
      worstPairwiseF1: Math.min(...scores.map((s) => s.pairwiseF1)),
      orders: scores.length,
    },
  };
}
