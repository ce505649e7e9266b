/**
 * `npm run bench:ledger-startup`: does start-up stay flat as the delivery ledger grows? Times the
 * part of start-up that reads the database (open + `quick_check` + migrations, the start-up prune,
 * then the reads the delivery engine makes before sending: due rows and counts) on SQLite files
 * holding 1,000 daily chats' ledger for: nothing, the 30 days `LEDGER_RETENTION` keeps, and a
 * whole unpruned year (what a database from before pruning holds on its first start).
 *
 *   npm run bench:ledger-startup -- [--chats 1000] [--runs 5]
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { openStore } from "../src/store/index.js";

const { values: args } = parseArgs({
  options: { chats: { type: "string", default: "1000" }, runs: { type: "string", default: "5" } },
});
const chats = Number(args.chats);
const runs = Number(args.runs);
const DAY = 86_400_000;
const NOW = new Date("2026-12-01T12:00:00Z");
const RETENTION = 30 * DAY;
const dir = mkdtempSync(path.join(tmpdir(), "ledger-startup-"));

/** A database with `days` of daily digests to every chat, all settled (payload dropped). */
async function build(name: string, days: number): Promise<string> {
  const file = path.join(dir, `${name}.db`);
  const opened = await openStore({ databaseUrl: file });
  await opened.close();
  const db = new Database(file);
  const insert = db.prepare(`INSERT INTO ledger (id, subscription_id, slot, part_index, part_count,
    platform, chat_id, thread_id, payload, card_ids, status, attempts, next_attempt_at,
    first_attempt_at, last_attempt_at, created_at, updated_at)
    VALUES (?, ?, ?, 0, 1, 'telegram', ?, NULL, '{}', '["c1","c2","c3"]', 'sent', 1, ?, ?, ?, ?, ?)`);
  const fill = db.transaction(() => {
    for (let d = 0; d < days; d++) {
      const at = new Date(NOW.getTime() - (d + 1) * DAY).toISOString();
      for (let c = 0; c < chats; c++) {
        insert.run(`r${d}-${c}`, `s${c}`, at, String(1000 + c), at, at, at, at, at);
      }
    }
  });
  fill();
  db.close();
  return file;
}

async function startOnce(file: string): Promise<{ ms: number; pruned: number }> {
  const t0 = performance.now();
  const opened = await openStore({ databaseUrl: file });
  const { store } = opened;
  const pruned = await store.ledger.prune(new Date(NOW.getTime() - RETENTION));
  await store.ledger.due(NOW, 100);
  await store.ledger.counts();
  await store.subscriptions.listActive();
  const ms = performance.now() - t0;
  await opened.close();
  return { ms, pruned };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const scenarios: Array<[string, number]> = [
  ["empty", 0],
  ["30 days kept (steady state with pruning)", 30],
  ["a year unpruned (first start after upgrade)", 365],
];
console.log(`ledger start-up: ${chats} daily chats, median of ${runs} starts each`);
for (const [name, days] of scenarios) {
  const file = await build(name.split(" ")[0]!.replace(/\W/g, "") + days, days);
  const sizeMb = statSync(file).size / 1e6;
  // The first start prunes; later starts see what pruning left. Report both.
  const first = await startOnce(file);
  const later: number[] = [];
  for (let i = 0; i < runs; i++) later.push((await startOnce(file)).ms);
  console.log(
    `${name}: ${(days * chats).toLocaleString("en")} rows, ${sizeMb.toFixed(1)} MB; first start ${first.ms.toFixed(0)} ms (pruned ${first.pruned.toLocaleString("en")}), then median ${median(later).toFixed(0)} ms`,
  );
}
rmSync(dir, { recursive: true, force: true });
