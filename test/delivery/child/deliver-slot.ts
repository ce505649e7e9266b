/**
 * A delivery process for the crash and two-process tests: opens the database, queues one slot for
 * every active subscription, delivers through a capturing channel whose deliveries are appended to
 * a log file (the "platform's" record, which survives kill -9), then exits when idle.
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";
import { createDeliveryEngine } from "../../../src/delivery/index.js";
import { systemClock } from "../../../src/lib/clock.js";
import { createLogger } from "../../../src/lib/logger.js";
import { createSqliteStore, openDatabase } from "../../../src/store/index.js";
import { createCapturingChannel } from "../../fakes/capturing-channel.js";

export interface ChildArgs {
  db: string;
  log: string;
  slot: string;
  idempotent: boolean;
  concurrency: number;
  latencyMs: number;
  ackDelayMs?: number;
  leaseTtlMs: number;
  pollMs: number;
}

const args = JSON.parse(process.argv[2] ?? "{}") as ChildArgs;
const db = openDatabase(args.db);
const store = createSqliteStore(db);
// The platform remembers nonces it has seen (Discord's enforce_nonce), across our restarts.
const seen = existsSync(args.log)
  ? readFileSync(args.log, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split("\t")[0]!)
  : [];
const log = openSync(args.log, "a");
const channel = createCapturingChannel({
  idempotent: args.idempotent,
  seenNonces: seen,
  limits: { concurrency: args.concurrency },
  latencyMs: args.latencyMs,
  ackDelayMs: args.ackDelayMs,
  onDeliver: (r) => writeSync(log, `${r.nonce}\t${r.target.chatId}\t${process.pid}\n`),
});
const engine = createDeliveryEngine({
  store,
  channels: [channel],
  clock: systemClock,
  logger: createLogger({ level: "warn" }),
  options: { leaseTtlMs: args.leaseTtlMs, pollMs: args.pollMs, backoffBaseMs: 50 },
  onFatal: (error) => {
    process.stderr.write(`fatal: ${error.message}\n`);
    process.exit(2);
  },
});

engine.start();
const slot = new Date(args.slot);
await Promise.all(
  (await store.subscriptions.listActive()).map((s) => engine.onSlot(s, slot, { catchUp: false })),
);
process.stdout.write("queued\n");
await engine.whenIdle();
await engine.stop();
closeSync(log);
db.close();
process.stdout.write(`${JSON.stringify({ pid: process.pid, ...engine.stats() })}\n`);
