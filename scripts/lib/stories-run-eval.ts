import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fixedClock } from "../../src/lib/clock.js";
import { createStoryIndex, type StoryIndexOptions } from "../../src/stories/index.js";
import { loadStoryDocs } from "./stories-load-docs.js";

const ARRIVED_AT = "2026-06-30T00:00:00.000Z";
const SCORER = path.resolve("../shared/eval/stories/score.py");

export interface SetScore {
  name: string;
  pairwiseF1: number;
  bcubedF1: number;
  report: string;
}

/** Assigns every article of a labelled set in name order, writes the stories and scores them. */
export function evalStorySet(
  name: string,
  dir: string,
  outDir: string,
  options: StoryIndexOptions = {},
): SetScore {
  const index = createStoryIndex({ clock: fixedClock(ARRIVED_AT), ...options });
  for (const doc of loadStoryDocs(path.join(dir, "articles"), ARRIVED_AT)) index.assign(doc);
  const predicted = index.stories().map((s) => ({ id: s.id, sources: s.cardIds }));
  mkdirSync(outDir, { recursive: true });
  const predPath = path.join(outDir, `${name}-pred.json`);
  writeFileSync(predPath, JSON.stringify(predicted, null, 1));
  const report = execFileSync("python3", [SCORER, path.join(dir, "gold.json"), predPath], {
    encoding: "utf8",
  });
  const f1 = (kind: string) => Number(new RegExp(`^${kind}.*F1 ([\\d.]+)`, "m").exec(report)?.[1]);
  return { name, pairwiseF1: f1("pairwise"), bcubedF1: f1("B3"), report };
}
