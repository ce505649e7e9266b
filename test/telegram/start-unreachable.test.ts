import { afterEach, describe, expect, it } from "vitest";
import { faults } from "../fakes/telegram/index.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.handle.stop();
  await h?.close();
  h = undefined;
});

const startRetry = { initialDelayMs: 50, maxDelayMs: 200, giveUpAfterMs: 700 };
const lines = (harness: Harness) =>
  harness.logs.map((l) => JSON.parse(l) as { level: number; msg: string; attempt?: number });

describe("Telegram bot start while the Bot API is unreachable", () => {
  it("logs every failed getMe with its backoff and starts once Telegram answers", async () => {
    h = await startHarness({ start: false, startRetry });
    h.tg.fault({ method: "getMe", times: 2, fault: faults.serverError(502) });
    await h.handle.start();
    const retries = lines(h).filter((l) => l.msg === "Telegram API unreachable at start; retrying");
    expect(retries.map((l) => [l.level, l.attempt])).toEqual([
      [40, 1],
      [40, 2],
    ]);
    expect(h.tg.callsOf("getMe")).toHaveLength(3);
  });

  it("gives up after a bounded time with an error naming the cause", async () => {
    h = await startHarness({ start: false, startRetry });
    h.tg.fault({ method: "getMe", times: Infinity, fault: faults.drop() });
    await expect(h.handle.start()).rejects.toThrow(
      /^Telegram API unreachable for \d+ s after \d+ attempts; last error: .*getMe/,
    );
    const done = await h.handle.done;
    expect(done).toBeInstanceOf(Error);
    expect(String(done)).not.toContain(h.tg.token);
  });
});
