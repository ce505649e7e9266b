import { describe, expect, it } from "vitest";
import {
  nextSlot,
  parseSchedule,
  slotsBetween,
  type Schedule,
} from "../../../src/delivery/schedule/index.js";
import { localDate, localLabel } from "./schedule-test-kit.js";

const MINUTE = 60_000;
const DAY = 86_400_000;

function schedule(cron: string, timeZone: string): Schedule {
  const parsed = parseSchedule(cron, timeZone);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.schedule;
}

function local(cron: string, timeZone: string, fromIso: string, untilIso: string): string[] {
  return slotsBetween(schedule(cron, timeZone), new Date(fromIso), new Date(untilIso)).map((s) =>
    localLabel(s, timeZone),
  );
}

/** 2025 transitions: Berlin 30 Mar / 26 Oct, New York 9 Mar / 2 Nov, Lord Howe 5 Oct (+30 min) / 6 Apr (-30 min). */
describe("slot math around DST", () => {
  describe("Europe/Berlin (02:00 -> 03:00 in March, 03:00 -> 02:00 in October)", () => {
    it("fires a 02:30 job skipped by spring-forward once, at 03:00, the first instant after the gap", () => {
      expect(
        local("30 2 * * *", "Europe/Berlin", "2025-03-29T00:00Z", "2025-04-01T00:00Z"),
      ).toEqual(["2025-03-29 02:30 GMT+1", "2025-03-30 03:00 GMT+2", "2025-03-31 02:30 GMT+2"]);
    });

    it("fires a 02:30 job in the repeated hour once, at its first occurrence", () => {
      expect(
        local("30 2 * * *", "Europe/Berlin", "2025-10-25T00:00Z", "2025-10-28T00:00Z"),
      ).toEqual(["2025-10-25 02:30 GMT+2", "2025-10-26 02:30 GMT+2", "2025-10-27 02:30 GMT+1"]);
    });

    it("coalesces several fixed times lost in the gap into one slot at the gap's end", () => {
      expect(
        local("0,30 2 * * *", "Europe/Berlin", "2025-03-29T12:00Z", "2025-03-30T12:00Z"),
      ).toEqual(["2025-03-30 03:00 GMT+2"]);
    });

    it("fires every 15 minutes across spring-forward and fall-back, both 02:xx runs included", () => {
      expect(
        local("*/15 * * * *", "Europe/Berlin", "2025-03-30T00:30Z", "2025-03-30T01:15Z"),
      ).toEqual(["2025-03-30 01:45 GMT+1", "2025-03-30 03:00 GMT+2", "2025-03-30 03:15 GMT+2"]);
      expect(
        local("*/15 * * * *", "Europe/Berlin", "2025-10-26T00:30Z", "2025-10-26T01:15Z"),
      ).toEqual(["2025-10-26 02:45 GMT+2", "2025-10-26 02:00 GMT+1", "2025-10-26 02:15 GMT+1"]);
    });

    it("keeps a daily 09:00 at 09:00 local on both transition days", () => {
      expect(local("0 9 * * *", "Europe/Berlin", "2025-03-29T00:00Z", "2025-03-31T00:00Z")).toEqual(
        ["2025-03-29 09:00 GMT+1", "2025-03-30 09:00 GMT+2"],
      );
      expect(local("0 9 * * *", "Europe/Berlin", "2025-10-25T00:00Z", "2025-10-27T00:00Z")).toEqual(
        ["2025-10-25 09:00 GMT+2", "2025-10-26 09:00 GMT+1"],
      );
    });
  });

  describe("America/New_York (02:00 -> 03:00 in March, 02:00 -> 01:00 in November)", () => {
    it("fires a skipped 02:30 at 03:00 EDT", () => {
      expect(
        local("30 2 * * *", "America/New_York", "2025-03-08T12:00Z", "2025-03-10T12:00Z"),
      ).toEqual(["2025-03-09 03:00 GMT-4", "2025-03-10 02:30 GMT-4"]);
    });

    it("fires 01:30, repeated on fall-back day, once in EDT", () => {
      expect(
        local("30 1 * * *", "America/New_York", "2025-11-01T12:00Z", "2025-11-03T12:00Z"),
      ).toEqual(["2025-11-02 01:30 GMT-4", "2025-11-03 01:30 GMT-5"]);
    });

    it("fires 02:30 on fall-back day once (it is not repeated there)", () => {
      expect(
        local("30 2 * * *", "America/New_York", "2025-11-01T12:00Z", "2025-11-02T12:00Z"),
      ).toEqual(["2025-11-02 02:30 GMT-5"]);
    });
  });

  describe("Australia/Lord_Howe (a 30-minute shift)", () => {
    it("fires 02:15, swallowed by the 02:00 -> 02:30 jump, once at 02:30", () => {
      expect(
        local("15 2 * * *", "Australia/Lord_Howe", "2025-10-03T12:00Z", "2025-10-06T12:00Z"),
      ).toEqual([
        "2025-10-04 02:15 GMT+10:30",
        "2025-10-05 02:30 GMT+11",
        "2025-10-06 02:15 GMT+11",
      ]);
    });

    it("fires 01:45, repeated by the 02:00 -> 01:30 fall-back, once at its first occurrence", () => {
      expect(
        local("45 1 * * *", "Australia/Lord_Howe", "2025-04-04T12:00Z", "2025-04-07T12:00Z"),
      ).toEqual([
        "2025-04-05 01:45 GMT+11",
        "2025-04-06 01:45 GMT+11",
        "2025-04-07 01:45 GMT+10:30",
      ]);
    });

    it("fires 02:30 on spring-forward day at 02:30, which exists", () => {
      expect(
        local("30 2 * * *", "Australia/Lord_Howe", "2025-10-04T12:00Z", "2025-10-05T12:00Z"),
      ).toEqual(["2025-10-05 02:30 GMT+11"]);
    });

    it("runs every 15 minutes through the repeated half hour", () => {
      expect(
        local("*/15 * * * *", "Australia/Lord_Howe", "2025-04-05T14:20Z", "2025-04-05T15:20Z"),
      ).toEqual([
        "2025-04-06 01:30 GMT+11",
        "2025-04-06 01:45 GMT+11",
        "2025-04-06 01:30 GMT+10:30",
        "2025-04-06 01:45 GMT+10:30",
      ]);
    });
  });

  const transitionDays: Array<[string, string]> = [
    ["Europe/Berlin", "2025-03-30"],
    ["Europe/Berlin", "2025-10-26"],
    ["America/New_York", "2025-03-09"],
    ["America/New_York", "2025-11-02"],
    ["Australia/Lord_Howe", "2025-10-05"],
    ["Australia/Lord_Howe", "2025-04-06"],
  ];

  it.each(transitionDays)(
    "keeps every-15-minutes exactly 15 real minutes apart in %s on %s",
    (zone, day) => {
      const slots = slotsBetween(
        schedule("*/15 * * * *", zone),
        new Date(Date.parse(`${day}T00:00Z`) - DAY),
        new Date(Date.parse(`${day}T00:00Z`) + DAY),
      );
      expect(slots.length).toBe(8 * 24);
      for (let i = 1; i < slots.length; i++) {
        expect((slots[i]?.getTime() ?? 0) - (slots[i - 1]?.getTime() ?? 0)).toBe(15 * MINUTE);
      }
    },
  );

  it.each(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe"])(
    "fires a daily job at every half hour of the day exactly once per local day through 2025 in %s",
    (zone) => {
      for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
        const cron = `${minutes % 60} ${Math.floor(minutes / 60)} * * *`;
        const slots = slotsBetween(
          schedule(cron, zone),
          new Date("2024-12-31T12:00Z"),
          new Date("2026-01-01T12:00Z"),
        );
        const dates = slots.map((s) => localDate(s, zone)).filter((d) => d.startsWith("2025"));
        expect(new Set(dates).size, cron).toBe(365);
        expect(dates.length, cron).toBe(365);
      }
    },
  );
});

describe("nextSlot", () => {
  it("is strictly after the given instant", () => {
    const daily = schedule("0 9 * * *", "UTC");
    expect(nextSlot(daily, new Date("2025-06-01T09:00Z"))?.toISOString()).toBe(
      "2025-06-02T09:00:00.000Z",
    );
    expect(nextSlot(daily, new Date("2025-06-01T08:59:59.999Z"))?.toISOString()).toBe(
      "2025-06-01T09:00:00.000Z",
    );
  });

  it("finds February 29 years ahead", () => {
    expect(
      nextSlot(schedule("0 9 29 2 *", "UTC"), new Date("2025-01-01T00:00Z"))?.toISOString(),
    ).toBe("2028-02-29T09:00:00.000Z");
  });

  it("fires on either day field when both are restricted, as Vixie cron does", () => {
    const slots = slotsBetween(
      schedule("0 9 1 * mon", "UTC"),
      new Date("2025-09-25T00:00Z"),
      new Date("2025-10-10T00:00Z"),
    );
    expect(slots.map((s) => s.toISOString().slice(0, 10))).toEqual([
      "2025-09-29",
      "2025-10-01",
      "2025-10-06",
    ]);
  });

  it("needs both day fields when one starts with *", () => {
    const slots = slotsBetween(
      schedule("0 9 */2 * mon", "UTC"),
      new Date("2025-09-01T00:00Z"),
      new Date("2025-10-01T00:00Z"),
    );
    expect(slots.map((s) => s.toISOString().slice(0, 10))).toEqual([
      "2025-09-01",
      "2025-09-15",
      "2025-09-29",
    ]);
  });
});
