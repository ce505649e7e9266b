import { describe, expect, it } from "vitest";
import {
  describeCron,
  scheduleFromWords,
  scheduleWordCount,
  validateCron,
} from "../../../src/delivery/schedule/index.js";

describe("scheduleFromWords", () => {
  it.each([
    ["daily 08:00", "0 8 * * *"],
    ["Daily 8:05", "5 8 * * *"],
    ["daily 8am", "0 8 * * *"],
    ["daily 12am", "0 0 * * *"],
    ["daily 6:30pm", "30 18 * * *"],
    ["weekdays 07:30", "30 7 * * 1-5"],
    ["weekends 10:00", "0 10 * * 0,6"],
    ["weekly mon 09:00", "0 9 * * 1"],
    ["weekly Sunday 18:15", "15 18 * * 0"],
    ["every 6h", "0 */6 * * *"],
    ["every 6 hours", "0 */6 * * *"],
    ["every 1h", "0 * * * *"],
    ["every 24h", "0 0 * * *"],
    ["every 30m", "*/30 * * * *"],
    ["every 15 minutes", "*/15 * * * *"],
    ["hourly", "0 * * * *"],
  ])("reads %j as cron %j, which the scheduler accepts", (words, cron) => {
    expect(scheduleFromWords(words)).toEqual({ ok: true, cron });
    expect(validateCron(cron)).toEqual({ ok: true });
  });

  it.each([
    ["daily", /time is missing/],
    ["daily 25:00", /"25:00" is not a time of day/],
    ["daily 8", /"8" is not a time of day/],
    ["daily 13pm", /not a time of day/],
    ["weekly 09:00", /needs a day and a time/],
    ["weekly funday 09:00", /needs a day and a time.*mon/],
    ["weekly mon", /time is missing/],
    ["every 5h", /does not divide a day evenly; use 1, 2, 3, 4, 6, 8, 12/],
    ["every 7m", /does not divide an hour evenly/],
    ["every 6 fortnights", /"fortnights" is not a unit/],
    ["every", /how often/],
    ["daily 08:00 extra", /is not a schedule/],
  ])("explains what is wrong with %j", (words, error) => {
    const result = scheduleFromWords(words);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe("scheduleWordCount", () => {
  it("counts the words of a schedule at the start of a command, and none for cron", () => {
    expect(scheduleWordCount(["daily", "08:00", "Europe/Berlin", "5"])).toBe(2);
    expect(scheduleWordCount(["weekly", "mon", "09:00", "UTC"])).toBe(3);
    expect(scheduleWordCount(["every", "6", "hours", "3"])).toBe(3);
    expect(scheduleWordCount(["every", "6h", "3"])).toBe(2);
    expect(scheduleWordCount(["hourly", "+budget"])).toBe(1);
    expect(scheduleWordCount(["0", "8", "*", "*", "*"])).toBe(0);
  });
});

describe("describeCron", () => {
  it.each([
    ["0 8 * * *", "daily 08:00"],
    ["30 7 * * 1-5", "weekdays 07:30"],
    ["0 10 * * 0,6", "weekends 10:00"],
    ["0 9 * * 1", "weekly mon 09:00"],
    ["0 9 * * 7", "weekly sun 09:00"],
    ["0 */6 * * *", "every 6h"],
    ["*/30 * * * *", "every 30m"],
    ["0 * * * *", "hourly"],
  ])("shows %j as %j", (cron, words) => {
    expect(describeCron(cron)).toBe(words);
  });

  it("round-trips every shape it names", () => {
    for (const words of ["daily 08:00", "weekdays 07:30", "weekly fri 17:45", "every 8h"]) {
      const parsed = scheduleFromWords(words);
      expect(parsed.ok && describeCron(parsed.cron)).toBe(words);
    }
  });

  it("has no words for crons of other shapes", () => {
    for (const cron of ["0 8 1 * *", "0 8,20 * * *", "5 */6 * * *", "0 8 * * 1,3"]) {
      expect(describeCron(cron)).toBeUndefined();
    }
  });
});
