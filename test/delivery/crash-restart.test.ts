import { statSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createSqliteStore, openDatabase } from "../../src/store/index.js";
import { countBy, readDeliveries, runChild, seedDatabase } from "./child/run-child.js";

const CHATS = 10_000;
const CONCURRENCY = 16;
const SLOT = new Date("2024-03-01T08:00:00.000Z");
const BYTES_PER_LINE = 30; // roughly "k7m2qa.lt6ab5s0.0\tchat-1234\t12345\n"

async function waitForBytes(path: string, bytes: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (statSync(path).size >= bytes) return;
    } catch {
      // not created yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${bytes} bytes in ${path} after ${timeoutMs} ms`);
}

describe.each([
  ["a channel without idempotency (Telegram)", false],
  ["a nonce channel (Discord)", true],
])("kill -9 during a fan-out to 10,000 chats, then restart, on %s", (_name, idempotent) => {
  let cleanup = () => {};
  afterEach(async () => cleanup());

  it(
    idempotent
      ? "loses nothing and doubles nothing"
      : "sends no chat two digests; at most `concurrency` are uncertain",
    { timeout: 120_000 },
    async () => {
      const seeded = await seedDatabase(CHATS, SLOT);
      cleanup = seeded.cleanup;
      const args = {
        db: seeded.db,
        log: seeded.log,
        slot: SLOT.toISOString(),
        idempotent,
        concurrency: CONCURRENCY,
        latencyMs: 1,
        ackDelayMs: 2, // most sends in flight at the kill have arrived but are not yet acknowledged
        leaseTtlMs: 60_000, // recovery must not depend on expiry: the dead pid is detected
        pollMs: 200,
      };

      const first = runChild(args);
      await waitForBytes(seeded.log, 2_500 * BYTES_PER_LINE, 60_000);
      first.child.kill("SIGKILL");
      const killed = await first.exited;
      expect(killed.signal).toBe("SIGKILL");
      const beforeRestart = readDeliveries(seeded.log).length;
      expect(beforeRestart).toBeGreaterThan(2_000);
      expect(beforeRestart).toBeLessThan(CHATS);

      // What the ledger knew at the kill: rows claimed but not settled were in flight.
      const peek = openDatabase(seeded.db);
      const atKill = await createSqliteStore(peek).ledger.counts({ slot: SLOT.toISOString() });
      peek.close();
      expect(atKill.sending).toBeLessThanOrEqual(CONCURRENCY);

      const second = await runChild(args).exited;
      expect(second.stderr).not.toMatch(/fatal/);
      expect(second.code).toBe(0);

      const db = openDatabase(seeded.db);
      const store = createSqliteStore(db);
      const counts = await store.ledger.counts({ slot: SLOT.toISOString() });
      const rows = await store.ledger.list({ slot: SLOT.toISOString() });
      db.close();

      expect(counts.total).toBe(CHATS);
      expect(counts.sent + counts.uncertain).toBe(CHATS);
      expect(counts).toMatchObject({ pending: 0, sending: 0, failed: 0 });
      const perChat = countBy(readDeliveries(seeded.log), (d) => d.chatId);
      const doubled = [...perChat.values()].filter((n) => n > 1);
      expect(doubled).toEqual([]);
      for (const row of rows) {
        const delivered = perChat.get(row.target.chatId) ?? 0;
        if (row.status === "sent") expect(delivered).toBe(1);
        else expect(delivered).toBeLessThanOrEqual(1);
      }
      if (idempotent) {
        expect(counts.uncertain).toBe(0);
        expect(perChat.size).toBe(CHATS);
      } else {
        // Exactly the rows in flight at the kill, never resent.
        expect(counts.uncertain).toBe(atKill.sending);
        expect(perChat.size).toBeGreaterThanOrEqual(CHATS - counts.uncertain);
      }
    },
  );
});
