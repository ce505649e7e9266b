/**
 * `npm run bench:sources -- --processes N --db postgres`: N real `--role ingest` processes
 * (`tsx src/main.ts`) on one fresh Postgres database poll F feeds of I items spread over H hosts
 * (loopback addresses 127.0.0.1..127.0.0.H, each its own server in this process). Measures the
 * cold round: from the first request to every source saved as polled and its cards stored, plus
 * duplicates and per-host spacing at the servers. Prints a markdown table.
 *
 *   npm run bench:sources -- --processes 3 --db postgres --feeds 300 --items 5 --hosts 30
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openPostgresStore } from "../src/store/index.js";
import type { FakeHttpServer } from "../test/fakes/http/index.js";
import { groupByHost, minGap, peakPerWindow } from "./lib/bench-sources-rates.js";
import { startBenchFeedServer } from "./lib/bench-sources-server.js";
import { markdownTable } from "./lib/markdown-table.js";

export interface ProcessesBenchOptions {
  processes: number;
  feeds: number;
  items: number;
  hosts: number;
  /** A Postgres server URL; a database of its own is created on it and dropped afterwards. */
  serverUrl: string;
}

const ROOT = new URL("..", import.meta.url).pathname;

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function runProcessesBench(o: ProcessesBenchOptions): Promise<void> {
  const database = `bench_sources_${process.pid}`;
  const dbUrl = new URL(o.serverUrl);
  dbUrl.pathname = `/${database}`;
  await admin(o.serverUrl, `CREATE DATABASE "${database}"`);
  const servers: FakeHttpServer[] = [];
  const children: ChildProcess[] = [];
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  try {
    for (let h = 1; h <= o.hosts; h++) {
      servers.push(await startBenchFeedServer(o.items, 5, `127.0.0.${h}`));
    }
    const store = await openPostgresStore({ connectionString: dbUrl.toString() });
    for (let i = 0; i < o.feeds; i++) {
      const url = `${servers[i % o.hosts]!.origin}/f${i}.xml`;
      await store.sources.add(
        { id: `feed:${url}`, url, kind: "feed", title: null, addedBy: null },
        new Date(),
      );
    }
    await store.close();
    await db.connect();

    const articles = mkdtempSync(path.join(tmpdir(), "bench-sources-processes-"));
    const spawnedAt = performance.now();
    for (let p = 0; p < o.processes; p++) {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", path.join(ROOT, "src/main.ts"), "--role", "ingest"],
        {
          cwd: ROOT,
          stdio: ["ignore", "ignore", "inherit"],
          env: {
            ...process.env,
            DATABASE_URL: dbUrl.toString(),
            ARTICLES_DIR: articles,
            SOURCES: "",
            ALLOW_PRIVATE_URLS: "true",
            POLL_MIN: "1h",
            POLL_MAX: "1h",
            LOG_LEVEL: "warn",
          },
        },
      );
      children.push(child);
    }
    let polled = 0;
    while (polled < o.feeds) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { rows } = await db.query<{ n: string }>(
        "SELECT COUNT(*) AS n FROM sources WHERE kind = 'feed' AND state_json->>'lastPolledAt' IS NOT NULL",
      );
      polled = Number(rows[0]?.n ?? 0);
    }
    const doneAt = performance.now();
    const doneWall = Date.now();
    const arrivals = servers.flatMap((s) => s.requests).map(({ host, at }) => ({ host, at }));
    const first = Math.min(...arrivals.map((a) => a.at));
    const last = Math.max(...arrivals.map((a) => a.at));
    const roundSeconds = (doneWall - first) / 1000;
    const { rows } = await db.query<{ n: string }>("SELECT COUNT(*) AS n FROM cards");
    const cards = Number(rows[0]?.n ?? 0);
    const failedRows = await db.query<{ n: string }>(
      "SELECT COUNT(*) AS n FROM sources WHERE kind = 'feed' AND (state_json->>'failures')::int > 0",
    );
    const failed = Number(failedRows.rows[0]?.n ?? 0);
    const perFeed = new Map<string, number>();
    for (const a of servers.flatMap((s) => s.requests)) {
      perFeed.set(`${a.host}${a.path}`, (perFeed.get(`${a.host}${a.path}`) ?? 0) + 1);
    }
    const doubles = [...perFeed.values()].filter((n) => n > 1).length;
    const byHost = groupByHost(arrivals);

    console.log(
      `\n${o.processes} ingest process(es) on Postgres: ${o.feeds} feeds × ${o.items} items on ${o.hosts} hosts, 1 start/s per host shared through the database, Node ${process.version}\n`,
    );
    console.log(
      markdownTable(
        ["measure", "value", "detail"],
        [
          [
            "cold round",
            `${roundSeconds.toFixed(1)} s`,
            `first request to every feed saved as polled; ${((doneAt - spawnedAt) / 1000).toFixed(1)} s from spawn`,
          ],
          [
            "requests",
            String(arrivals.length),
            `${o.feeds} feeds; ${doubles} fetched twice; ${failed} polls failed (e.g. timed out)`,
          ],
          ["cards stored", String(cards), `${Math.round(cards / roundSeconds)} cards/s`],
          [
            "requests span",
            `${((last - first) / 1000).toFixed(1)} s`,
            `politeness floor ${Math.ceil(o.feeds / o.hosts) - 1} s`,
          ],
          ["highest per-host arrival rate", `${peakPerWindow(byHost)} per 1 s`, "limit 1"],
          ["shortest gap at one host", `${minGap(byHost)} ms`, "between two arrivals"],
        ],
        ["left", "right", "left"],
      ),
    );
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode === null ? once(c, "exit") : undefined)));
    await db.end().catch(() => undefined);
    await Promise.all(servers.map((s) => s.close()));
    await admin(o.serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}
