/**
 * `npm run bench:delivery`: one digest to N subscriptions (default 10,000) through the capturing
 * fake channel under a global rate limit (default 300 messages/s), on a SQLite store in a temp
 * folder (or `--db postgres`: a fresh schema in DATABASE_URL / TEST_DATABASE_URL, dropped after). Reports elapsed time against the floor the limit allows (N / rate), CPU time and peak
 * RSS, and refreshes the "Delivery" section of docs/performance.md.
 *
 *   npm run bench:delivery -- --chats 10000 --rate 300 --concurrency 32 --latency 50 [--no-write]
 *   npm run bench:delivery -- --db postgres [--database-url postgres://postgres@127.0.0.1:5432/test]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, release, tmpdir, type as osType } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createDeliveryEngine } from "../src/delivery/index.js";
import { systemClock } from "../src/lib/clock.js";
import { createLogger } from "../src/lib/logger.js";
import pg from "pg";
import {
  createSqliteStore,
  openDatabase,
  openPostgresStore,
  type Store,
} from "../src/store/index.js";
import { createCapturingChannel } from "../test/fakes/capturing-channel.js";
import { makeCard } from "../test/fixtures/cards.js";
import { writeSection } from "./lib/doc-section.js";
import { markdownTable } from "./lib/markdown-table.js";
import { startRssSampler } from "./lib/rss-sampler.js";

const { values: args } = parseArgs({
  options: {
    chats: { type: "string", default: "10000" },
    rate: { type: "string", default: "300" },
    concurrency: { type: "string", default: "32" },
    latency: { type: "string", default: "50" },
    out: { type: "string", default: "docs/performance.md" },
    "no-write": { type: "boolean", default: false },
    db: { type: "string", default: "sqlite" },
    "database-url": { type: "string" },
  },
});
const chats = Number(args.chats);
const rate = Number(args.rate);
const concurrency = Number(args.concurrency);
const latencyMs = Number(args.latency);
for (const [name, value] of Object.entries({ chats, rate, concurrency, latencyMs })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
}

if (args.db !== "sqlite" && args.db !== "postgres")
  throw new Error("--db must be sqlite or postgres");
const postgres = args.db === "postgres";
const pgUrl =
  args["database-url"] ??
  process.env.DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/test";
const schema = `bench_delivery_${process.pid}`;

async function openBenchStore(): Promise<{ store: Store; close(): Promise<void> }> {
  if (postgres) {
    const store = await openPostgresStore({ connectionString: pgUrl, schema });
    return {
      store,
      async close() {
        await store.close();
        const admin = new pg.Client({ connectionString: pgUrl });
        await admin.connect();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-delivery-"));
  const db = openDatabase(join(dir, "digest.db"));
  return {
    store: createSqliteStore(db),
    async close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const opened = await openBenchStore();
const store = opened.store;
const slot = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
const before = new Date(slot.getTime() - 3_600_000);
for (let i = 1; i <= 5; i++) await store.cards.upsert(makeCard(i), before);
const subs = await store.transaction(async (tx) => {
  const created = [];
  for (let i = 0; i < chats; i++) {
    created.push(
      await tx.subscriptions.create(
        {
          target: { platform: "telegram", chatId: `${100_000 + i}`, threadId: null },
          cron: "0 8 * * *",
          createdBy: "bench",
        },
        before,
      ),
    );
  }
  return created;
});

const channel = createCapturingChannel({
  limits: { globalPerSecond: rate, concurrency },
  latencyMs,
});
const engine = createDeliveryEngine({
  store,
  channels: [channel],
  clock: systemClock,
  logger: createLogger({ level: "warn" }),
});

const rss = startRssSampler();
const cpuBefore = process.cpuUsage();
const started = performance.now();
engine.start();
// The scheduler fires every subscription's callback in the same minute.
await Promise.all(subs.map((s) => engine.onSlot(s, slot, { catchUp: false })));
const queuedMs = performance.now() - started;
await engine.whenIdle();
const elapsedMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
await engine.stop();
const counts = await store.ledger.counts();
await opened.close();
rss.stop();

const perChat = new Map<string, number>();
for (const r of channel.delivered)
  perChat.set(r.target.chatId, (perChat.get(r.target.chatId) ?? 0) + 1);
const exactlyOnce = perChat.size === chats && [...perChat.values()].every((n) => n === 1);
const floorMs = (chats / rate) * 1_000;
const ratio = floorMs / elapsedMs;
const peakRssMb = Math.max(rss.peak(), process.resourceUsage().maxRSS * 1_024) / 1_048_576;
const maxWindow = channel.maxInWindow(1_000);
const cpuS = (cpu.user + cpu.system) / 1e6;

const s = (ms: number) => (ms / 1_000).toFixed(2);
const table = markdownTable(
  ["Measure", "Value"],
  [
    ["Subscriptions (one chat each)", chats.toLocaleString("en-US")],
    ["Limit (globalPerSecond)", `${rate} messages/s`],
    ["Concurrency / simulated send latency", `${concurrency} / ${latencyMs} ms`],
    ["Floor (N / rate)", `${s(floorMs)} s`],
    ["Elapsed (first onSlot → last send settled)", `${s(elapsedMs)} s`],
    ["Ratio floor / elapsed (target ≥ 0.95)", ratio.toFixed(3)],
    ["All digests queued after", `${s(queuedMs)} s`],
    ["Most sends in any 1 s window", `${maxWindow}`],
    [
      "CPU time (user + system)",
      `${cpuS.toFixed(2)} s (${((cpuS * 1_000 * 100) / elapsedMs).toFixed(0)}% of one core)`,
    ],
    ["Peak RSS", `${peakRssMb.toFixed(0)} MB`],
    ["Ledger", `${counts.sent} sent, ${counts.uncertain} uncertain, ${counts.failed} failed`],
    ["Every chat exactly one digest", exactlyOnce ? "yes" : "**no**"],
  ],
  ["left", "right"],
);

const status = ratio >= 0.95 && exactlyOnce && maxWindow <= rate ? "met" : "**not met**";
const body = `## Delivery${postgres ? " (Postgres)" : ""}

Generated by \`npm run bench:delivery${postgres ? " -- --db postgres" : ""}\` (\`scripts/bench-delivery.ts\`). Run date: ${new Date().toISOString().slice(0, 10)}.

- Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} logical cores (shared), Node ${process.version}, ${osType()} ${release()}.
- One slot fired for ${chats.toLocaleString("en-US")} subscriptions at once (group-committed into the ledger), delivered by the ledger worker through the capturing fake channel, ${postgres ? "Postgres store (a fresh schema on the local server, pool of 10 connections)" : "SQLite store (WAL, synchronous=FULL) in a temp folder"}. Every send is durably \`sending\` before it starts and \`sent\` after it returns.
- The pacer is a sliding window: never more than ${rate} sends in any 1 s window, checked on the fake channel's own timestamps ("most sends in any 1 s window"). The first window may fill at once, so the true minimum lies between (N − rate) / rate = ${s(((chats - rate) / rate) * 1_000)} s and the floor; here ${concurrency} sends in flight × ${latencyMs} ms spread that first window.
- Status against the target (ratio ≥ 0.95, limit never exceeded, exactly one digest per chat): ${status}.

${table}`;

console.log(`\n${body}\n`);
if (!args["no-write"])
  await writeSection(args.out, "Performance", postgres ? "delivery-postgres" : "delivery", body);
