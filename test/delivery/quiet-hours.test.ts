import { describe, expect, it } from "vitest";
import { parseQuietHours, quietUntil } from "../../src/delivery/index.js";

describe("parseQuietHours", () => {
  it.each([
    ["22:00-07:00", { start: "22:00", end: "07:00" }],
    ["22-7", { start: "22:00", end: "07:00" }],
    ["9:30–12:00", { start: "09:30", end: "12:00" }],
    ["off", null],
  ])("reads %j", (text, value) => {
    expect(parseQuietHours(text)).toEqual({ ok: true, value });
  });

  it.each([
    ["tonight", /from-to window/],
    ["25:00-07:00", /00:00 to 23:59/],
    ["07:00-07:00", /must differ/],
  ])("explains what is wrong with %j", (text, error) => {
    const result = parseQuietHours(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe("quietUntil", () => {
  const night = { start: "22:00", end: "07:00" };
  it("is the next opening (07:00 local) for an instant inside a window that wraps midnight", () => {
    // 23:30 and 03:00 in Berlin (UTC+1 in January) wait for 07:00 Berlin = 06:00 UTC.
    expect(quietUntil(night, "Europe/Berlin", new Date("2025-01-10T22:30:00Z"))).toEqual(
      new Date("2025-01-11T06:00:00Z"),
    );
    expect(quietUntil(night, "Europe/Berlin", new Date("2025-01-11T02:00:00Z"))).toEqual(
      new Date("2025-01-11T06:00:00Z"),
    );
  });

  it("is undefined outside the window, and the end itself is outside", () => {
    expect(quietUntil(night, "Europe/Berlin", new Date("2025-01-11T06:00:00Z"))).toBeUndefined();
    expect(quietUntil(night, "Europe/Berlin", new Date("2025-01-11T20:59:00Z"))).toBeUndefined();
    expect(quietUntil(night, "UTC", new Date("2025-01-11T21:59:00Z"))).toBeUndefined();
    expect(quietUntil(night, "UTC", new Date("2025-01-11T22:00:00Z"))).toEqual(
      new Date("2025-01-12T07:00:00Z"),
    );
  });

  it("handles a window within one day", () => {
    const lunch = { start: "12:00", end: "13:30" };
    expect(quietUntil(lunch, "UTC", new Date("2025-01-11T12:45:00Z"))).toEqual(
      new Date("2025-01-11T13:30:00Z"),
    );
    expect(quietUntil(lunch, "UTC", new Date("2025-01-11T11:59:00Z"))).toBeUndefined();
  });
});
