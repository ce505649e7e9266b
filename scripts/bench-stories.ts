/** Time to assign one new report with 10,000 stories in the window: `npm run bench:stories`. */
import { performance } from "node:perf_hooks";
import { fixedClock } from "../src/lib/clock.js";
import { createStoryIndex } from "../src/stories/index.js";
import { syntheticDocs } from "./lib/stories-synthetic-docs.js";

const STORIES = 10_000;
const MEASURED = 500;
const ARRIVED_AT = "2026-07-10T08:00:00.000Z";

const index = createStoryIndex({ clock: fixedClock("2026-07-10T12:00:00.000Z") });
const fill = syntheticDocs(STORIES, 1, ARRIVED_AT);
const fillStart = performance.now();
for (const doc of fill) index.assign(doc);
const fillMs = performance.now() - fillStart;

const times: number[] = [];
const cpuStart = process.cpuUsage();
for (const doc of syntheticDocs(MEASURED, 2, ARRIVED_AT)) {
  const start = performance.now();
  index.assign(doc);
  times.push(performance.now() - start);
}
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000 / MEASURED;
times.sort((a, b) => a - b);
const mean = times.reduce((s, t) => s + t, 0) / times.length;
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
const stories = index.stories().length;
process.stdout.write(
  [
    `stories in the window: ${stories} (filled in ${(fillMs / 1000).toFixed(1)} s)`,
    `assign one report: mean ${mean.toFixed(2)} ms, median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${at(1).toFixed(2)} ms (${MEASURED} reports)`,
    `CPU time per assign: ${cpuMs.toFixed(2)} ms (wall time includes waiting for a shared core)`,
    `heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
    "",
  ].join("\n"),
);
