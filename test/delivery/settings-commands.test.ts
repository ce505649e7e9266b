import { describe, expect, it } from "vitest";
import { createBotBackend } from "../../src/delivery/index.js";
import { createMemoryStore } from "../../src/store/index.js";

const NOW = new Date("2025-01-10T12:00:00Z");
const chat = { platform: "telegram" as const, chatId: "c1" };
const target = { ...chat, threadId: null };

function backend() {
  const store = createMemoryStore();
  return { store, backend: createBotBackend({ store, clock: { now: () => NOW } }) };
}

describe("settings commands", () => {
  it("validates and saves each setting, leaving the others as they were", async () => {
    const { backend: b } = backend();
    expect(await b.chatSettings(chat)).toBeUndefined();
    expect(await b.changeSettings(chat, { timezone: "Europe/Berlin" })).toMatchObject({
      ok: true,
      settings: { timezone: "Europe/Berlin", language: null, quietHours: null },
    });
    expect(await b.changeSettings(chat, { language: "Deutsch", quiet: "22-7" })).toMatchObject({
      ok: true,
      settings: {
        timezone: "Europe/Berlin",
        language: "de",
        quietHours: { start: "22:00", end: "07:00" },
      },
    });
    expect((await b.changeSettings(chat, { quiet: "off" })).ok).toBe(true);
    expect((await b.chatSettings(chat))?.quietHours).toBeNull();
  });

  it("refuses bad values with a line the user can act on, and saves nothing", async () => {
    const { backend: b } = backend();
    const errors = [
      await b.changeSettings(chat, { timezone: "Mars/Olympus" }),
      await b.changeSettings(chat, { timezone: "+05:00" }),
      await b.changeSettings(chat, { timezone: "EST" }),
      await b.changeSettings(chat, { language: "klingon" }),
      await b.changeSettings(chat, { quiet: "late" }),
      await b.changeSettings(chat, { language: "de", quiet: "late" }),
    ].map((r) => (r.ok ? "saved" : r.error));
    expect(errors[0]).toMatch(/not a known time zone/);
    expect(errors[1]).toMatch(/offset, not a time zone/);
    expect(errors[2]).toMatch(/EST/);
    expect(errors[3]).toBe(`"klingon" is not a language I speak; choose one of en, de`);
    expect(errors[4]).toMatch(/from-to window/);
    expect(errors[5]).toMatch(/from-to window/);
    expect(await b.chatSettings(chat)).toBeUndefined();
  });
});

describe("subscribe with settings and words", () => {
  it("takes the chat's time zone when the command names none, and words for the schedule", async () => {
    const { backend: b } = backend();
    await b.changeSettings(chat, { timezone: "Asia/Almaty" });
    const result = await b.subscribe({ target, cron: "weekdays 07:30", createdBy: "u" });
    expect(result).toMatchObject({
      ok: true,
      subscription: { cron: "30 7 * * 1-5", timezone: "Asia/Almaty" },
    });
    const named = await b.subscribe({
      target,
      cron: "daily 08:00",
      timezone: "UTC",
      createdBy: "u",
    });
    expect(named).toMatchObject({ ok: true, subscription: { cron: "0 8 * * *", timezone: "UTC" } });
  });

  it("uses UTC for a chat without settings and explains bad words", async () => {
    const { backend: b } = backend();
    expect(await b.subscribe({ target, cron: "every 6h", createdBy: "u" })).toMatchObject({
      ok: true,
      subscription: { cron: "0 */6 * * *", timezone: "UTC" },
    });
    expect(await b.subscribe({ target, cron: "every 5h", createdBy: "u" })).toEqual({
      ok: false,
      error: "every 5h does not divide a day evenly; use 1, 2, 3, 4, 6, 8, 12 or 24 hours",
    });
  });

  it("tells when each subscription runs next, in its own zone", async () => {
    const { backend: b } = backend();
    const result = await b.subscribe({
      target,
      cron: "daily 08:00",
      timezone: "Europe/Berlin",
      createdBy: "u",
    });
    if (!result.ok) throw new Error(result.error);
    // 12:00 UTC is 13:00 in Berlin: next 08:00 Berlin is tomorrow 07:00 UTC.
    expect(b.nextRun(result.subscription)).toEqual(new Date("2025-01-11T07:00:00Z"));
  });
});
