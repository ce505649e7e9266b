import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLeaseKeeper } from "../../src/app/lease-keeper.js";
import { createLogger } from "../../src/lib/logger.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";

const logger = createLogger({ level: "silent", secrets: [] });
const clock = { now: () => new Date() };

function keeper(store: Store, holder: string, gone: string[] = [], failStart = false) {
  const events: string[] = [];
  const k = createLeaseKeeper({
    store,
    clock,
    logger,
    name: "telegram:poll",
    holder,
    ttlMs: 3_000,
    isHolderGone: (h) => gone.includes(h),
    onAcquired: async () => {
      events.push("acquired");
      if (failStart) throw new Error("cannot connect");
    },
    onLost: async () => void events.push("lost"),
  });
  return { k, events };
}

describe("lease keeper", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("runs the work in one process only, and hands it over when that process is gone", async () => {
    const store = createMemoryStore();
    const dead: string[] = [];
    const a = keeper(store, "a");
    const b = keeper(store, "b", dead);
    await a.k.start();
    await b.k.start();
    expect([a.events, b.events]).toEqual([["acquired"], []]);
    expect([await a.k.holds(), await b.k.holds()]).toEqual([true, false]);

    await vi.advanceTimersByTimeAsync(10_000); // renewed all along: b keeps waiting
    expect(b.events).toEqual([]);

    dead.push("a"); // b learns that a's process died: it takes over without waiting out the TTL
    await vi.advanceTimersByTimeAsync(1_000);
    expect(b.events).toEqual(["acquired"]);
    await vi.advanceTimersByTimeAsync(1_000);
    // a (not dead after all, say partitioned) finds out at its next renewal and stops at once.
    expect(a.events).toEqual(["acquired", "lost"]);
    expect(await a.k.holds()).toBe(false);
    await a.k.stop();
    await b.k.stop();
  });

  it("stops the work before releasing the lease, so the next process starts at once", async () => {
    const store = createMemoryStore();
    const a = keeper(store, "a");
    const b = keeper(store, "b");
    await a.k.start();
    await a.k.stop();
    expect(a.events).toEqual(["acquired", "lost"]);
    await b.k.start();
    expect(b.events).toEqual(["acquired"]);
    await b.k.stop();
  });

  it("gives the lease back when its work cannot start, and says so to the first caller", async () => {
    const store = createMemoryStore();
    const a = keeper(store, "a", [], true);
    await expect(a.k.start()).rejects.toThrow("cannot connect");
    const b = keeper(store, "b");
    await b.k.start();
    expect(b.events).toEqual(["acquired"]);
    await a.k.stop();
    await b.k.stop();
  });
});
