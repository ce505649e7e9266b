import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock.js";
import { createHostLimiter } from "../../src/sources/index.js";

/** A clock that only moves when the limiter sleeps, so spacing is checked without real time. */
function fakeTime() {
  const clock = fixedClock("2025-06-11T00:00:00Z");
  // Time jumps to the sleep's end on the next macrotask, after the work already queued has run.
  const sleep = async (ms: number) => {
    const until = clock.now().getTime() + ms;
    await new Promise((resolve) => setImmediate(resolve));
    if (clock.now().getTime() < until) clock.set(new Date(until));
  };
  return { clock, sleep, at: () => clock.now().getTime() - Date.parse("2025-06-11T00:00:00Z") };
}

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("createHostLimiter", () => {
  it("starts one request per interval on a host", async () => {
    const time = fakeTime();
    const limiter = createHostLimiter({
      clock: time.clock,
      sleep: time.sleep,
      perHostIntervalMs: 1000,
    });
    const starts: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map(() => limiter.run("a.test", async () => void starts.push(time.at()))),
    );
    expect(starts).toEqual([0, 1000, 2000, 3000]);
  });

  it("also waits the interval after a slow request finishes", async () => {
    const time = fakeTime();
    const limiter = createHostLimiter({
      clock: time.clock,
      sleep: time.sleep,
      perHostConcurrency: 1,
      perHostIntervalMs: 1000,
    });
    const starts: number[] = [];
    await Promise.all(
      [2500, 0].map((takes) =>
        limiter.run("a.test", async () => {
          starts.push(time.at());
          await time.sleep(takes);
        }),
      ),
    );
    expect(starts).toEqual([0, 3500]);
  });

  it("lets a second request overlap a slow first one, an interval after its start", async () => {
    const time = fakeTime();
    const limiter = createHostLimiter({
      clock: time.clock,
      sleep: time.sleep,
      perHostIntervalMs: 1000,
    });
    const starts: number[] = [];
    const gate = deferred();
    const slow = limiter.run("a.test", async () => {
      starts.push(time.at());
      await gate.promise;
    });
    await limiter.run("a.test", async () => void starts.push(time.at()));
    gate.resolve();
    await slow;
    expect(starts).toEqual([0, 1000]);
  });

  it("does not make one host wait for another", async () => {
    const time = fakeTime();
    const limiter = createHostLimiter({ clock: time.clock, sleep: time.sleep });
    const starts: Array<[string, number]> = [];
    await Promise.all(
      ["a.test", "b.test", "c.test"].map((host) =>
        limiter.run(host, async () => void starts.push([host, time.at()])),
      ),
    );
    expect(starts).toEqual([
      ["a.test", 0],
      ["b.test", 0],
      ["c.test", 0],
    ]);
  });

  it("holds a third request until one of two in flight finishes", async () => {
    const time = fakeTime();
    const limiter = createHostLimiter({
      clock: time.clock,
      sleep: time.sleep,
      perHostIntervalMs: 0,
    });
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      limiter.run("a.test", async () => {
        started.push(i);
        await gate.promise;
      }),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await runs[1];
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    await Promise.all(runs);
  });

  it("frees the slot when a task throws", async () => {
    const time = fakeTime();
    const limiter = createHostLimiter({
      clock: time.clock,
      sleep: time.sleep,
      perHostConcurrency: 1,
    });
    await expect(
      limiter.run("a.test", async () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    await expect(limiter.run("a.test", async () => "next")).resolves.toBe("next");
  });
});
