import { afterEach, describe, expect, it, vi } from "vitest";
import type { Subscription } from "../../../src/model/subscription.js";
import { setupScheduler as setup } from "./scheduler-harness.js";
import { deferred, makeSubscription, type Deferred } from "./schedule-test-kit.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

afterEach(() => {
  vi.useRealTimers();
});

describe("createScheduler", () => {
  it("fires a slot at its time and records it after the hand-off", async () => {
    const sub = makeSubscription({
      id: "a",
      timezone: "Europe/Berlin",
      lastSlot: "2025-06-09T07:00:00.000Z",
    });
    const { scheduler, store, calls } = setup([sub], { now: "2025-06-10T08:59:00+02:00" });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(59 * 1000);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toEqual([{ id: "a", slot: "2025-06-10T07:00:00.000Z", catchUp: false }]);
    expect(store.fired).toEqual([{ id: "a", slotIso: "2025-06-10T07:00:00.000Z" }]);
    expect(store.get("a")?.lastSlot).toBe("2025-06-10T07:00:00.000Z");
    await scheduler.stop();
  });

  it("logs an onSlot error, leaves the slot unmarked and keeps ticking", async () => {
    let failures = 1;
    const sub = makeSubscription({
      id: "m",
      cron: "* * * * *",
      timezone: "UTC",
      createdAt: "2025-06-10T10:00:30.000Z",
    });
    const { scheduler, store, calls, lines } = setup([sub], {
      now: "2025-06-10T10:00:30Z",
      onSlot: async () => {
        if (failures-- > 0) throw new Error("ledger unavailable");
      },
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(calls.map((c) => c.slot)).toEqual([
      "2025-06-10T10:01:00.000Z",
      "2025-06-10T10:02:00.000Z",
    ]);
    expect(store.fired).toEqual([{ id: "m", slotIso: "2025-06-10T10:02:00.000Z" }]);
    expect(lines.find((l) => l.level === 50)).toMatchObject({
      msg: "digest slot failed; the scheduler carries on",
      subscriptionId: "m",
      slot: "2025-06-10T10:01:00.000Z",
      err: { message: "ledger unavailable" },
    });
    await scheduler.stop();
  });

  it("never runs a subscription twice at once: slots during a slow digest are skipped", async () => {
    const gates: Deferred[] = [];
    const sub = makeSubscription({
      id: "slow",
      cron: "* * * * *",
      timezone: "UTC",
      createdAt: "2025-06-10T10:00:30.000Z",
    });
    const { scheduler, calls, lines } = setup([sub], {
      now: "2025-06-10T10:00:30Z",
      onSlot: () => {
        const gate = deferred();
        gates.push(gate);
        return gate.promise;
      },
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(calls).toHaveLength(1);
    expect(lines.filter((l) => l.msg.includes("slot skipped (no overlap)"))).toHaveLength(2);
    gates[0]?.resolve();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(calls.map((c) => c.slot)).toEqual([
      "2025-06-10T10:01:00.000Z",
      "2025-06-10T10:04:00.000Z",
    ]);
    gates[1]?.resolve();
    await scheduler.stop();
  });

  it("picks up new, changed and removed subscriptions on refresh", async () => {
    const a = makeSubscription({ id: "a", cron: "0 9 * * *", timezone: "UTC" });
    const { scheduler, store, calls } = setup([a], { now: "2025-06-10T08:00:00Z" });
    await scheduler.start();
    store.put(makeSubscription({ id: "b", cron: "30 8 * * *", timezone: "UTC" }));
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(calls.map((c) => c.id)).toEqual(["b"]);
    store.remove("a");
    store.put({ ...(store.get("b") as Subscription), cron: "45 8 * * *" });
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(calls.map((c) => `${c.id}@${c.slot}`)).toEqual([
      "b@2025-06-10T08:30:00.000Z",
      "b@2025-06-10T08:45:00.000Z",
    ]);
    await scheduler.stop();
  });

  it("stop waits for in-flight digests, stops ticking and can be called twice", async () => {
    const gate = deferred();
    const sub = makeSubscription({
      id: "a",
      cron: "* * * * *",
      timezone: "UTC",
      createdAt: "2025-06-10T10:00:30.000Z",
    });
    const { scheduler, store, calls } = setup([sub], {
      now: "2025-06-10T10:00:30Z",
      onSlot: () => gate.promise,
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(30 * 1000);
    expect(calls).toHaveLength(1);
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect(stopped).toBe(true);
    expect(store.fired).toHaveLength(1);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(calls).toHaveLength(1);
  });

  it("ignores a second start and skips a stored subscription with a broken schedule", async () => {
    const good = makeSubscription({ id: "good", cron: "0 9 * * *", timezone: "UTC" });
    const bad = makeSubscription({ id: "bad", cron: "0 9 * *", timezone: "UTC" });
    const { scheduler, calls, lines } = setup([good, bad], { now: "2025-06-10T08:00:00Z" });
    await scheduler.start();
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(calls.map((c) => c.id)).toEqual(["good"]);
    expect(lines.find((l) => l.level === 50)).toMatchObject({
      subscriptionId: "bad",
      msg: "invalid schedule; not scheduled",
    });
    await scheduler.stop();
  });
});
