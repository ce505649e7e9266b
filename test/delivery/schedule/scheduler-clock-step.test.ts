import { afterEach, describe, expect, it, vi } from "vitest";
import { setupScheduler as setup } from "./scheduler-harness.js";
import { makeSubscription } from "./schedule-test-kit.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

afterEach(() => {
  vi.useRealTimers();
});

describe("createScheduler when the wall clock steps back", () => {
  it("resumes a per-minute subscription at the next minute of the new time", async () => {
    const sub = makeSubscription({
      id: "m",
      cron: "* * * * *",
      createdAt: "2025-06-10T12:00:30.000Z",
    });
    const { scheduler, calls, lines } = setup([sub], { now: "2025-06-10T12:00:30.000Z" });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(calls.map((c) => c.slot)).toEqual([
      "2025-06-10T12:01:00.000Z",
      "2025-06-10T12:02:00.000Z",
    ]);
    vi.setSystemTime(new Date("2025-06-10T09:02:40.000Z"));
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    // The step is noticed at the tick planned for 12:03 (09:03:40 now): the next minute is 09:04.
    expect(calls.map((c) => c.slot).slice(2)).toEqual([
      "2025-06-10T09:04:00.000Z",
      "2025-06-10T09:05:00.000Z",
    ]);
    expect(lines.some((l) => l.msg.startsWith("clock stepped back"))).toBe(true);
    await scheduler.stop();
  });

  it("resumes after a restart whose stored last slot lies in the future", async () => {
    const sub = makeSubscription({
      id: "m",
      cron: "* * * * *",
      lastSlot: "2025-06-10T12:02:00.000Z",
    });
    const { scheduler, calls, lines } = setup([sub], { now: "2025-06-10T09:02:40.000Z" });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(calls.map((c) => c.slot)).toEqual([
      "2025-06-10T09:03:00.000Z",
      "2025-06-10T09:04:00.000Z",
    ]);
    expect(lines.find((l) => l.msg.startsWith("last fired slot is in the future"))).toMatchObject({
      level: 40,
      subscriptionId: "m",
    });
    await scheduler.stop();
  });

  it("fires a daily slot once at its new-time occurrence after a step back", async () => {
    const sub = makeSubscription({
      id: "d",
      cron: "0 9 * * *",
      createdAt: "2025-06-10T09:30:00.000Z",
    });
    const { scheduler, calls } = setup([sub], { now: "2025-06-10T09:30:00.000Z" });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    // A clock that ran a day ahead is corrected: the next 09:00 is the one of the corrected day.
    vi.setSystemTime(new Date("2025-06-09T07:00:00.000Z"));
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(calls.map((c) => c.slot)).toEqual(["2025-06-09T09:00:00.000Z"]);
    await scheduler.stop();
  });

  it("does not rebase on small jitter or a forward step", async () => {
    const sub = makeSubscription({
      id: "m",
      cron: "*/5 * * * *",
      createdAt: "2025-06-10T12:00:30.000Z",
    });
    const { scheduler, calls, lines } = setup([sub], { now: "2025-06-10T12:00:30.000Z" });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    vi.setSystemTime(Date.now() - 500);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(calls.map((c) => c.slot)).toEqual([
      "2025-06-10T12:05:00.000Z",
      "2025-06-10T12:10:00.000Z",
    ]);
    expect(lines.some((l) => l.msg.startsWith("clock stepped back"))).toBe(false);
    await scheduler.stop();
  });
});
