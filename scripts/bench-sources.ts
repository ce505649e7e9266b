/**
 * `npm run bench:sources`: a local server (its own process) with N feeds (default 1,000 x 20 items)
 * behind H host names that an injected resolver points at 127.0.0.1. Polls every feed through the
 * guarded client, the per-host limiter and the feed fetcher: a cold round (all 200), a round where
 * every feed answers 304, and a round where 10% changed (new items become Articles). Prints a
 * markdown table.
 *
 *   npm run bench:sources -- --feeds 1000 --items 20 --hosts 100 --changed 0.1 --concurrency 100
 *
 * With `--processes N --db postgres` it runs real ingest processes instead (see
 * bench-sources-processes.ts; defaults there: 300 feeds × 5 items on 30 hosts).
 */
import { parseArgs } from "node:util";
import { systemClock } from "../src/lib/clock.js";
import {
  createFeedFetcher,
  createHostLimiter,
  createHttpClient,
  createStaticLookup,
  feedItemToArticle,
  initialFeedState,
  type FeedState,
} from "../src/sources/index.js";
import { spawnBenchServer } from "./lib/bench-sources-child.js";
import { groupByHost, minGap, peakPerWindow } from "./lib/bench-sources-rates.js";
import { markdownTable } from "./lib/markdown-table.js";
import { startRssSampler } from "./lib/rss-sampler.js";

const { values: args } = parseArgs({
  options: {
    feeds: { type: "string" },
    items: { type: "string" },
    hosts: { type: "string" },
    changed: { type: "string", default: "0.1" },
    fresh: { type: "string", default: "5" },
    concurrency: { type: "string", default: "100" },
    processes: { type: "string" },
    db: { type: "string" },
  },
});
// --processes N --db postgres: real ingest processes on one database instead of the fetcher alone.
if (args.processes !== undefined || args.db !== undefined) {
  if ((args.db ?? "postgres") !== "postgres") throw new Error("--db: only postgres is supported");
  const { runProcessesBench } = await import("./bench-sources-processes.js");
  await runProcessesBench({
    processes: Number(args.processes ?? "1"),
    feeds: Number(args.feeds ?? "300"),
    items: Number(args.items ?? "5"),
    hosts: Number(args.hosts ?? "30"),
    serverUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  });
  process.exit(0);
}
const FEEDS = Number(args.feeds ?? "1000");
const ITEMS = Number(args.items ?? "20");
const HOSTS = Number(args.hosts ?? "100");
const CHANGED = Number(args.changed);
const FRESH = Number(args.fresh);
const CONCURRENCY = Number(args.concurrency);

const child = await spawnBenchServer(ITEMS, FRESH);
const lookup = createStaticLookup((host) =>
  /^feed\d+\.test$/.test(host) || host === "control.test" ? "127.0.0.1" : undefined,
);
const http = createHttpClient({ allowPrivate: true, lookup, timeoutMs: 30_000 });
const control = `http://control.test:${child.port}`;
const starts: Array<{ host: string; at: number }> = [];
const limiter = createHostLimiter({
  clock: systemClock,
  perHostConcurrency: 2,
  perHostIntervalMs: 1000,
  onStart: (host, at) => starts.push({ host, at }),
});
const fetcher = createFeedFetcher({ http, clock: systemClock, limiter });
const states: FeedState[] = Array.from({ length: FEEDS }, (_, i) =>
  initialFeedState(`http://feed${i % HOSTS}.test:${child.port}/f${i}.xml`),
);
const seen = new Set<string>();
const sampler = startRssSampler();

interface Round {
  seconds: number;
  cpuSeconds: number;
  updated: number;
  notModified: number;
  failed: number;
  items: number;
  articles: number;
}

async function round(): Promise<Round> {
  const tally = { updated: 0, notModified: 0, failed: 0, items: 0, articles: 0 };
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const worker = async () => {
    for (let i = next++; i < FEEDS; i = next++) {
      const { state, result } = await fetcher.fetch(states[i]!);
      states[i] = state;
      if (result.kind === "not-modified") tally.notModified += 1;
      if (result.kind === "failed") tally.failed += 1;
      if (result.kind !== "updated") continue;
      tally.updated += 1;
      tally.items += result.feed.items.length;
      for (const item of result.feed.items) {
        if (seen.has(`${i}:${item.key}`)) continue;
        seen.add(`${i}:${item.key}`);
        feedItemToArticle(item, result.feed, `feed:${state.url}`);
        tally.articles += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(cpu);
  return {
    ...tally,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

const cold = await round();
const warm = await round();
for (let i = 0; i < FEEDS; i += Math.round(1 / CHANGED)) {
  await http.get(`${control}/__bump?feed=${i}`);
}
const changed = await round();
const peakRss = sampler.peak();
sampler.stop();
const statsResponse = await http.get(`${control}/__stats`);
if (!statsResponse.ok) throw statsResponse.error;
const stats = JSON.parse(statsResponse.text()) as {
  peakInFlight: number;
  arrivals: Array<{ host: string; at: number }>;
};
await http.close();
await child.stop();

const perS = (n: number, s: number) => Math.round(n / s).toLocaleString("en-US");
const summary = (r: Round) =>
  `${r.updated} × 200, ${r.notModified} × 304, ${r.failed} failed; ${r.items} items, ${r.articles} new articles`;
const arrivals = groupByHost(stats.arrivals);

console.log(
  `\n${FEEDS.toLocaleString("en-US")} feeds × ${ITEMS} items on ${HOSTS} hosts, limit 2 in flight and 1 start/s per host, ${CONCURRENCY} workers, Node ${process.version}\n`,
);
console.log(
  markdownTable(
    ["measure", "value", "detail"],
    [
      ["cold round (all 200)", `${cold.seconds.toFixed(1)} s`, summary(cold)],
      [
        "cold round fetch+parse",
        `${perS(cold.items, cold.cpuSeconds)} items/CPU-s`,
        `${perS(cold.items, cold.seconds)} items/s of wall time (politeness-bound)`,
      ],
      ["304 round", `${warm.seconds.toFixed(1)} s`, `${summary(warm)}; target ≤ 30 s`],
      [
        `${Math.round(CHANGED * 100)}% changed round`,
        `${changed.seconds.toFixed(1)} s`,
        summary(changed),
      ],
      [
        "changed round fetch+parse",
        `${perS(changed.items, changed.cpuSeconds)} items/CPU-s`,
        `${perS(changed.items, changed.seconds)} items/s, ${perS(changed.articles, changed.seconds)} new articles/s of wall time`,
      ],
      [
        "peak RSS",
        `${(peakRss / 1024 / 1024).toFixed(0)} MiB`,
        "poller process (the server runs apart)",
      ],
      [
        "highest per-host start rate",
        `${peakPerWindow(groupByHost(starts))} per 1 s`,
        "starts granted by the limiter, any 1 s window; limit 1",
      ],
      [
        "highest per-host arrival rate",
        `${peakPerWindow(arrivals)} per 1 s`,
        "at the server, any 1 s window",
      ],
      ["shortest gap at the server", `${minGap(arrivals)} ms`, "between two arrivals at one host"],
      ["most in flight per host", String(stats.peakInFlight), "at the server; limit 2"],
    ],
    ["left", "right", "left"],
  ),
);
