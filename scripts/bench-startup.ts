/**
 * `npm run bench:startup`: wall time of the seed digest CLI (`digest --format json` on ./seeds),
 * median of N runs (default 7) each way: before (tsx compiling src/main.ts on the fly) and after
 * (node dist/main.js, built first). The machine's load average is printed with the figures.
 *
 *   npm run bench:startup -- [--runs 7]
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
const runs = Number(args.runs);
const ROOT = new URL("..", import.meta.url).pathname;
const env = { PATH: process.env.PATH ?? "", ARTICLES_DIR: path.join(ROOT, "seeds") };

spawnSync(process.execPath, [path.join(ROOT, "scripts/build.mjs"), "--if-stale"], {
  stdio: "inherit",
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(argv: string[]): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [...argv, "digest", "--format", "json"], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  // Exit 1 is a skipped article (on a loaded machine the first one can run past its time budget).
  if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return performance.now() - t0;
}

const ways = {
  "before: tsx src/main.ts": [
    "--import",
    path.join(ROOT, "node_modules/tsx/dist/loader.mjs"),
    path.join(ROOT, "src/main.ts"),
  ],
  "after: node dist/main.js": [path.join(ROOT, "dist/main.js")],
  "after, via npm start's launcher: node scripts/run.mjs": [path.join(ROOT, "scripts/run.mjs")],
};
const load = loadavg()[0]!.toFixed(1);
for (const [name, argv] of Object.entries(ways)) {
  const times = Array.from({ length: runs }, () => time(argv));
  process.stdout.write(
    `${name}: median ${(median(times) / 1000).toFixed(2)} s, min ${(Math.min(...times) / 1000).toFixed(2)} s over ${runs} runs\n`,
  );
}
process.stdout.write(`load average at start: ${load} (${runs} runs each)\n`);
