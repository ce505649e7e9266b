import { afterEach, describe, expect, it } from "vitest";
import { createSqliteStore, openDatabase } from "../../src/store/index.js";
import { countBy, readDeliveries, runChild, seedDatabase } from "./child/run-child.js";

const SLOT = new Date("2024-03-01T08:00:00.000Z");

describe("two processes on one database", () => {
  let cleanup = () => {};
  afterEach(async () => cleanup());

  it("deliver one digest per subscription and slot between them", { timeout: 60_000 }, async () => {
    const chats = 300;
    const seeded = await seedDatabase(chats, SLOT);
    cleanup = seeded.cleanup;
    const args = {
      db: seeded.db,
      log: seeded.log,
      slot: SLOT.toISOString(),
      idempotent: false,
      concurrency: 4,
      latencyMs: 5,
      leaseTtlMs: 5_000,
      pollMs: 100,
    };
    const [a, b] = await Promise.all([runChild(args).exited, runChild(args).exited]);
    expect([a.code, b.code]).toEqual([0, 0]);

    const deliveries = readDeliveries(seeded.log);
    expect(deliveries).toHaveLength(chats);
    expect([...countBy(deliveries, (d) => d.chatId).values()].every((n) => n === 1)).toBe(true);
    // The lease kept one of them waiting: the one that sent, sent everything.
    expect(countBy(deliveries, (d) => d.pid).size).toBe(1);
    expect([a.stderr, b.stderr].join("")).toMatch(/delivery lease is held by .*waiting/);

    const db = openDatabase(seeded.db);
    const counts = await createSqliteStore(db).ledger.counts();
    db.close();
    expect(counts).toMatchObject({ sent: chats, total: chats });
  });
});
