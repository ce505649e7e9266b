import { describe, expect, it } from "vitest";
import { validateCron, validateTimeZone } from "../../../src/delivery/schedule/index.js";

function errorOf(result: { ok: true } | { ok: false; error: string }): string {
  return result.ok ? "(accepted)" : result.error;
}

describe("validateCron", () => {
  it.each([
    "0 8 * * *",
    "*/5 * * * *",
    "* * * * *",
    "0 9 * * mon-fri",
    "0 9 * JAN-mar MON-Fri",
    "30 7,12,18 * * *",
    "0 9 1-31/7 * *",
    "0 9 * * 7",
    "0 9 29 2 *",
    "0 */2 * * sun",
    "  15   10 * * *  ",
  ])("accepts %j", (cron) => {
    expect(validateCron(cron)).toEqual({ ok: true });
  });

  it("asks for 5 fields with an example when one is missing", () => {
    expect(errorOf(validateCron("0 8 * *"))).toBe(
      'cron "0 8 * *" needs 5 fields (minute hour day month weekday), e.g. "0 8 * * *" for 08:00 daily',
    );
  });

  it("refuses 6-field seconds cron and suggests the 5-field form", () => {
    expect(errorOf(validateCron("0 0 9 * * *"))).toBe(
      'cron "0 0 9 * * *" has 6 fields, but seconds are not supported (at most once a minute); use 5 fields (minute hour day month weekday), e.g. "0 9 * * *"',
    );
  });

  it.each([
    ["60 * * * *", 'minute "60" must be 0-59, e.g. "30 8 * * *" for 08:30 daily'],
    ["0 24 * * *", 'hour "24" must be 0-23, e.g. "0 18 * * *" for 18:00 daily'],
    ["0 9 0 * *", 'day "0" must be 1-31'],
    ["0 9 * 13 *", 'month "13" must be 1-12 or jan-dec'],
    ["0 9 * * 8", 'weekday "8" must be 0-7 or sun-sat (0 and 7 are Sunday)'],
    ["*/0 * * * *", 'minute step "/0" must be a whole number 1-59'],
    ["*/90 * * * *", 'minute step "/90" must be a whole number 1-59'],
    ["5/15 * * * *", 'a step needs a range or "*", like "5-59/15"'],
    ["5-1 * * * *", 'minute range "5-1" goes backwards'],
    ["1,,2 * * * *", "has an empty list item"],
    ["0 9 L * *", 'day "L" is not a number, range (1-5), step (*/15) or list (1,15)'],
    ["0 9 ? * *", 'day "?" is not a number'],
    ["0 9 * * 1#2", 'weekday "1#2" is not a number'],
    ["0 9 * * sunday", 'weekday "sunday" is not a number'],
    ["0 9 31 2 *", 'never fires: none of its months has day 31; e.g. "0 8 28 2 *"'],
    ["@daily", 'shortcuts are not supported; write 5 fields instead, e.g. "0 0 * * *"'],
    ["", 'cron is empty; write 5 fields (minute hour day month weekday), e.g. "0 8 * * *"'],
  ])("refuses %j with an actionable message", (cron, fragment) => {
    const error = errorOf(validateCron(cron));
    expect(error).toContain(fragment);
    expect(error).toContain("e.g.");
    expect(error).not.toContain("\n");
  });
});

describe("validateTimeZone", () => {
  it.each([
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Almaty",
    "Etc/GMT-5",
  ])("accepts %j", (tz) => {
    expect(validateTimeZone(tz)).toEqual({ ok: true });
  });

  it("names an unknown zone and suggests IANA names", () => {
    expect(errorOf(validateTimeZone("Mars/Base"))).toBe(
      '"Mars/Base" is not a known time zone; use an IANA name such as "Europe/Berlin" or "Asia/Almaty"',
    );
  });

  it("refuses fixed offsets, pointing at IANA names and the Etc/GMT equivalent", () => {
    expect(errorOf(validateTimeZone("+05:00"))).toBe(
      '"+05:00" is an offset, not a time zone; use an IANA name such as "Europe/Berlin" or "Asia/Almaty" (or "Etc/GMT-5" if you really want a fixed offset without DST)',
    );
    expect(errorOf(validateTimeZone("UTC-03:30"))).toContain("is an offset, not a time zone");
  });

  it("refuses an empty zone", () => {
    expect(errorOf(validateTimeZone(" "))).toContain("time zone is empty");
  });
});
