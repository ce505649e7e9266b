import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock.js";
import { createHostLimiter, createSharedHostLimiter } from "../../src/sources/index.js";
import { createMemoryStore } from "../../src/store/index.js";

const T0 = Date.parse("2025-06-11T00:00:00Z");

/** A clock that only moves when a limiter sleeps (see host-limiter.test.ts). */
function fakeTime() {
  const clock = fixedClock(new Date(T0));
  const sleep = async (ms: number) => {
    const until = clock.now().getTime() + ms;
    await new Promise((resolve) => setImmediate(resolve));
    if (clock.now().getTime() < until) clock.set(new Date(until));
  };
  return { clock, sleep, at: () => clock.now().getTime() - T0 };
}

describe("createSharedHostLimiter", () => {
  it("keeps three processes sharing one store to one start per second per host", async () => {
    const time = fakeTime();
    const store = createMemoryStore();
    const starts: Array<{ host: string; at: number }> = [];
    const processes = [1, 2, 3].map(() =>
      createSharedHostLimiter({
        clock: time.clock,
        sleep: time.sleep,
        reserve: (host, now, ms) => store.sources.reserveHostStart(host, now, ms),
        onStart: (host) => starts.push({ host, at: time.at() }),
      }),
    );
    await Promise.all(
      processes.flatMap((limiter) =>
        ["a.test", "a.test", "b.test", "a.test"].map((host) => limiter.run(host, async () => {})),
      ),
    );
    const of = (host: string) => starts.filter((s) => s.host === host).map((s) => s.at);
    expect(of("a.test")).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000]);
    expect(of("b.test")).toEqual([0, 1000, 2000]);
  });

  it("is what the per-process limiter alone cannot do: three of those start together", async () => {
    const time = fakeTime();
    const starts: number[] = [];
    const processes = [1, 2, 3].map(() =>
      createHostLimiter({ clock: time.clock, sleep: time.sleep, onStart: () => undefined }),
    );
    await Promise.all(
      processes.map((limiter) => limiter.run("a.test", async () => void starts.push(time.at()))),
    );
    expect(starts).toEqual([0, 0, 0]);
  });
});
