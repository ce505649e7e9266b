/** Story clustering quality on the shared dev set and our own set: `npm run eval:stories [-- --verbose]`. */
import { evalStorySet } from "./lib/stories-run-eval.js";

const SETS = [
  { name: "dev", dir: "../shared/eval/stories" },
  { name: "own", dir: "test/fixtures/stories-2" },
];
const verbose = process.argv.includes("--verbose");
const f = (x: number) => x.toFixed(3);

for (const set of SETS) {
  const { named, averaged } = evalStorySet(set.name, set.dir, ".bench/stories");
  process.stdout.write(
    `${set.name}  name order: pairwise F1 ${f(named.pairwiseF1)}  B3 F1 ${f(named.bcubedF1)}` +
      `  | mean of ${averaged.orders} orders: pairwise F1 ${f(averaged.pairwiseF1)} (worst ${f(averaged.worstPairwiseF1)})` +
      `  B3 F1 ${f(averaged.bcubedF1)}  (${set.dir})\n`,
  );
  if (verbose) process.stdout.write(`${named.report}\n`);
}
