/** Story clustering quality on the shared dev set and our own set: `npm run eval:stories`. */
import { evalStorySet } from "./lib/stories-run-eval.js";

const SETS = [
  { name: "dev", dir: "../shared/eval/stories" },
  { name: "own", dir: "test/fixtures/stories-2" },
];
const verbose = process.argv.includes("--verbose");

for (const set of SETS) {
  const score = evalStorySet(set.name, set.dir, ".bench/stories");
  process.stdout.write(
    `${set.name.padEnd(4)} pairwise F1 ${score.pairwiseF1.toFixed(3)}  B3 F1 ${score.bcubedF1.toFixed(3)}  (${set.dir})\n`,
  );
  if (verbose) process.stdout.write(`${score.report}\n`);
}
