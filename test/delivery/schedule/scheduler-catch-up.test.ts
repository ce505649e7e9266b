import { afterEach, describe, expect, it, vi } from "vitest";
import { setupScheduler as setup } from "./scheduler-harness.js";
import { makeSubscription } from "./schedule-test-kit.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

afterEach(() => {
  vi.useRealTimers();
});

describe("createScheduler catch-up after downtime", () => {
  it("catches up once on a slot missed while down inside the grace window", async () => {
    const sub = makeSubscription({
      id: "a",
      timezone: "Europe/Berlin",
      lastSlot: "2025-06-09T07:00:00.000Z",
    });
    const { scheduler, calls, lines } = setup([sub], { now: "2025-06-10T12:00:00+02:00" });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([{ id: "a", slot: "2025-06-10T07:00:00.000Z", catchUp: true }]);
    expect(lines.find((l) => l.msg === "catching up a missed slot")).toMatchObject({
      level: 30,
      subscriptionId: "a",
      coalesced: 0,
      skipped: 0,
    });
    await vi.advanceTimersByTimeAsync(21 * HOUR);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ id: "a", slot: "2025-06-11T07:00:00.000Z", catchUp: false });
    await scheduler.stop();
  });

  it("coalesces several missed slots into one call for the latest", async () => {
    const sub = makeSubscription({
      id: "h",
      cron: "0 * * * *",
      timezone: "Europe/Berlin",
      lastSlot: "2025-06-10T05:00:00.000Z",
    });
    const { scheduler, calls, lines } = setup([sub], { now: "2025-06-10T12:20:00+02:00" });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([{ id: "h", slot: "2025-06-10T10:00:00.000Z", catchUp: true }]);
    expect(lines.find((l) => l.msg === "catching up a missed slot")).toMatchObject({
      coalesced: 4,
      skipped: 0,
    });
    await scheduler.stop();
  });

  it("skips and logs slots missed beyond the grace window, then runs on schedule", async () => {
    const sub = makeSubscription({
      id: "a",
      timezone: "Europe/Berlin",
      lastSlot: "2025-06-08T07:00:00.000Z",
    });
    const { scheduler, calls, lines } = setup([sub], { now: "2025-06-10T18:00:00+02:00" });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([]);
    expect(lines.find((l) => l.msg.includes("older than the catch-up grace window"))).toMatchObject(
      {
        level: 30,
        subscriptionId: "a",
        skipped: 2,
        coalesced: 0,
        graceMs: 6 * HOUR,
      },
    );
    await vi.advanceTimersByTimeAsync(15 * HOUR);
    expect(calls).toEqual([{ id: "a", slot: "2025-06-11T07:00:00.000Z", catchUp: false }]);
    await scheduler.stop();
  });

  it("catches up the latest slot inside the window and counts the older ones as skipped", async () => {
    const sub = makeSubscription({
      id: "h",
      cron: "0 * * * *",
      timezone: "UTC",
      lastSlot: "2025-06-10T00:00:00.000Z",
    });
    const { scheduler, calls, lines } = setup([sub], { now: "2025-06-10T10:30:00Z" });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([{ id: "h", slot: "2025-06-10T10:00:00.000Z", catchUp: true }]);
    // Missed 01:00-10:00; the window opens at 04:30, so 05:00-10:00 fold into one call, 01:00-04:00 are dropped.
    expect(lines.find((l) => l.msg === "catching up a missed slot")).toMatchObject({
      coalesced: 5,
      skipped: 4,
    });
    await scheduler.stop();
  });

  it("honours a custom grace window", async () => {
    const sub = makeSubscription({
      id: "a",
      timezone: "UTC",
      lastSlot: "2025-06-09T09:00:00.000Z",
    });
    const { scheduler, calls } = setup([sub], { now: "2025-06-10T12:00:00Z", graceMs: HOUR });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([]);
    await scheduler.stop();
  });

  it("never catches up a new subscription on slots before it was created", async () => {
    const sub = makeSubscription({
      id: "new",
      timezone: "UTC",
      createdAt: "2025-06-10T09:30:00.000Z",
    });
    const { scheduler, calls } = setup([sub], { now: "2025-06-10T10:00:00Z" });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([]);
    await scheduler.stop();
  });

  it("catches up a new subscription's first slot if it passed while the process was down", async () => {
    const sub = makeSubscription({
      id: "new",
      timezone: "UTC",
      createdAt: "2025-06-10T08:00:00.000Z",
    });
    const { scheduler, calls } = setup([sub], { now: "2025-06-10T10:00:00Z" });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([{ id: "new", slot: "2025-06-10T09:00:00.000Z", catchUp: true }]);
    await scheduler.stop();
  });

  it("treats slots slept through while running (laptop lid, stalled loop) like downtime", async () => {
    const sub = makeSubscription({
      id: "h",
      cron: "0 * * * *",
      timezone: "UTC",
      createdAt: "2025-06-10T09:30:00.000Z",
    });
    const { scheduler, calls } = setup([sub], { now: "2025-06-10T09:30:00Z" });
    await scheduler.start();
    // The wall clock jumps 3.5 h without any timer firing, as after a suspend.
    vi.setSystemTime(new Date("2025-06-10T13:00:30Z"));
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(calls[0]).toEqual({ id: "h", slot: "2025-06-10T13:00:00.000Z", catchUp: true });
    expect(calls.slice(1)).toEqual([{ id: "h", slot: "2025-06-10T14:00:00.000Z", catchUp: false }]);
    await scheduler.stop();
  });
});
