import { afterEach, expect, it, vi } from "vitest";
import { createScheduler } from "../../../src/delivery/schedule/index.js";
import { systemClock } from "../../../src/lib/clock.js";
import {
  createCapturingLogger,
  createMemoryScheduleStore,
  localDate,
  localLabel,
  makeSubscription,
} from "./schedule-test-kit.js";

const DAY = 86_400_000;

function datesOf2025(): string[] {
  const dates: string[] = [];
  for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += DAY) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

/** Besides 09:00, each zone gets fixed times inside its 2025 spring-forward gap and fall-back overlap. */
const years = [
  {
    zone: "Europe/Berlin",
    start: "2025-01-01T00:00:00+01:00",
    crons: ["0 9 * * *", "30 2 * * *"],
    checks: {
      "0 9 * * *": ["2025-03-30 09:00 GMT+2", "2025-10-26 09:00 GMT+1"],
      "30 2 * * *": ["2025-03-30 03:00 GMT+2", "2025-10-26 02:30 GMT+2"],
    },
  },
  {
    zone: "America/New_York",
    start: "2025-01-01T00:00:00-05:00",
    crons: ["0 9 * * *", "30 2 * * *", "30 1 * * *"],
    checks: {
      "0 9 * * *": ["2025-03-09 09:00 GMT-4", "2025-11-02 09:00 GMT-5"],
      "30 2 * * *": ["2025-03-09 03:00 GMT-4"],
      "30 1 * * *": ["2025-11-02 01:30 GMT-4"],
    },
  },
  {
    zone: "Australia/Lord_Howe",
    start: "2025-01-01T00:00:00+11:00",
    crons: ["0 9 * * *", "15 2 * * *", "45 1 * * *"],
    checks: {
      "0 9 * * *": ["2025-04-06 09:00 GMT+10:30", "2025-10-05 09:00 GMT+11"],
      "15 2 * * *": ["2025-10-05 02:30 GMT+11"],
      "45 1 * * *": ["2025-04-06 01:45 GMT+11"],
    },
  },
] as const;

afterEach(() => {
  vi.useRealTimers();
});

it.each(years)(
  "runs daily digests exactly 365 times through 2025 in $zone, once per local day, driven by the scheduler",
  async ({ zone, start, crons, checks }) => {
    vi.useFakeTimers({ now: new Date(start) });
    const store = createMemoryScheduleStore(
      crons.map((cron, i) =>
        makeSubscription({
          id: `s${i}`,
          cron,
          timezone: zone,
          createdAt: new Date(start).toISOString(),
        }),
      ),
    );
    const calls: Array<{ cron: string; slot: Date; catchUp: boolean }> = [];
    const scheduler = createScheduler({
      store,
      clock: systemClock,
      logger: createCapturingLogger().logger,
      reloadMs: DAY, // a year of 30-second reloads would only slow the simulation down
      onSlot: async (subscription, slot, info) => {
        calls.push({ cron: subscription.cron, slot, catchUp: info.catchUp });
      },
    });
    await scheduler.start();
    for (let day = 0; day < 365; day++) await vi.advanceTimersByTimeAsync(DAY);
    await scheduler.stop();

    for (const cron of crons) {
      const slots = calls.filter((c) => c.cron === cron);
      expect(slots.length, cron).toBe(365);
      expect(
        slots.some((c) => c.catchUp),
        cron,
      ).toBe(false);
      // Distinct and consecutive: exactly the 365 calendar days of 2025, in order.
      expect(
        slots.map((c) => localDate(c.slot, zone)),
        cron,
      ).toEqual(datesOf2025());
      const labels = slots.map((c) => localLabel(c.slot, zone));
      for (const expected of (checks as Record<string, readonly string[]>)[cron] ?? []) {
        expect(labels, cron).toContain(expected);
      }
    }
    const nineOClock = calls
      .filter((c) => c.cron === "0 9 * * *")
      .map((c) => localLabel(c.slot, zone).slice(11, 16));
    expect(new Set(nineOClock)).toEqual(new Set(["09:00"]));
    expect(store.fired).toHaveLength(365 * crons.length);
  },
);
