import { markdownTable } from "./markdown-table.js";

export interface FuzzOutcome {
  source: string;
  shape: string;
  family: string;
  chars: number;
  ms: number;
  /** "carded", a named skip reason (numbers and sizes folded), or "CRASH: …" for a bug. */
  outcome: string;
  carded: boolean;
  crashed: boolean;
}

export interface FuzzRun {
  date: string;
  node: string;
  mode: string;
  seed: number;
  outcomes: FuzzOutcome[];
  peakHeapUsedMb: number;
  /** V8's old-space limit the run had: finishing under 200 MB shows no article needs more. */
  heapLimitMb: number;
  maxRssMb: number;
  wallMs: number;
}

const SLOW_MS = 1_000;
const ms = (v: number) => `${v.toFixed(0)} ms`;
const kb = (chars: number) => `${(chars / 1024).toFixed(0)} KB`;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** The run as markdown: totals, outcomes, the slowest files and a line per shape family. */
export function renderFuzzReport(run: FuzzRun): string {
  const o = run.outcomes;
  const times = o.map((x) => x.ms).sort((a, b) => a - b);
  const carded = o.filter((x) => x.carded).length;
  const crashed = o.filter((x) => x.crashed).length;
  const slow = o.filter((x) => x.ms > SLOW_MS).length;
  const totals = markdownTable(
    [
      "articles",
      "carded",
      "named errors",
      "crashed or unnamed",
      `over ${SLOW_MS} ms`,
      "median",
      "p99",
      "slowest",
      "peak heap used",
      "max RSS",
      "wall",
    ],
    [
      [
        String(o.length),
        String(carded),
        String(o.length - carded - crashed),
        String(crashed),
        String(slow),
        ms(quantile(times, 0.5)),
        ms(quantile(times, 0.99)),
        ms(times.at(-1) ?? 0),
        `${run.peakHeapUsedMb.toFixed(0)} MB`,
        `${run.maxRssMb.toFixed(0)} MB`,
        `${(run.wallMs / 1000).toFixed(0)} s`,
      ],
    ],
    [
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
    ],
  );
  const reasons = new Map<string, number>();
  for (const x of o) reasons.set(x.outcome, (reasons.get(x.outcome) ?? 0) + 1);
  const outcomeTable = markdownTable(
    ["outcome", "articles"],
    [...reasons]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, n]) => [k, String(n)]),
    ["left", "right"],
  );
  const slowest = markdownTable(
    ["file", "shape", "size", "time", "outcome"],
    [...o]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((x) => [x.source, x.shape, kb(x.chars), ms(x.ms), x.outcome]),
    ["left", "left", "right", "right", "left"],
  );
  const families = new Map<string, FuzzOutcome[]>();
  for (const x of o) families.set(x.family, (families.get(x.family) ?? []).concat(x));
  const familyTable = markdownTable(
    ["shape", "articles", "carded", "largest", "slowest"],
    [...families]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([name, xs]) => [
        name,
        String(xs.length),
        String(xs.filter((x) => x.carded).length),
        kb(Math.max(...xs.map((x) => x.chars))),
        ms(Math.max(...xs.map((x) => x.ms))),
      ]),
    ["left", "right", "right", "right", "right"],
  );
  return [
    `Last run: ${run.date}, Node ${run.node}, ${run.mode}, seed ${run.seed}, heap limit ${run.heapLimitMb.toFixed(0)} MB (\`NODE_OPTIONS=--max-old-space-size=200 npm run fuzz\`).`,
    totals,
    "Outcomes (skip reasons as the bot reports them):",
    outcomeTable,
    "The slowest files:",
    slowest,
    "By shape:",
    familyTable,
  ].join("\n\n");
}
