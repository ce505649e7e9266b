import { afterEach, describe, expect, it, vi } from "vitest";
import { createScheduler } from "../../../src/delivery/index.js";
import { systemClock } from "../../../src/lib/index.js";
import { createMemoryChangeFeed } from "../../../src/store/index.js";
import {
  createCapturingLogger,
  createMemoryScheduleStore,
  makeSubscription,
} from "./schedule-test-kit.js";

const MINUTE = 60_000;

describe("the scheduler learns about subscription changes", () => {
  afterEach(() => vi.useRealTimers());

  function setup(reloadMs = 30_000) {
    vi.useFakeTimers({ now: new Date("2025-06-10T08:00:30Z") });
    const store = createMemoryScheduleStore([]);
    const changes = createMemoryChangeFeed();
    const fired: string[] = [];
    const scheduler = createScheduler({
      store,
      clock: systemClock,
      logger: createCapturingLogger().logger,
      changes,
      reloadMs,
      onSlot: async (subscription) => void fired.push(subscription.id),
    });
    return { store, changes, fired, scheduler };
  }

  it("reloads at once when this process announces a change", async () => {
    const { store, changes, fired, scheduler } = setup(60 * MINUTE); // no periodic reload in time
    await scheduler.start();
    store.put(makeSubscription({ id: "a", cron: "* * * * *", timezone: "UTC" }));
    changes.publish("subscriptions");
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(fired).toEqual(["a"]);
    await scheduler.stop();
  });

  it("sees a change made by another process within the reload interval, unannounced", async () => {
    const { store, fired, scheduler } = setup();
    await scheduler.start();
    store.put(makeSubscription({ id: "b", cron: "* * * * *", timezone: "UTC" }));
    await vi.advanceTimersByTimeAsync(31_000); // the periodic reload picks it up
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(fired.length).toBeGreaterThanOrEqual(1);
    expect(fired.every((id) => id === "b")).toBe(true);
    await scheduler.stop();
  });

  it("reads the subscriptions once for a burst of changes, not once per change", async () => {
    const { store, changes, fired, scheduler } = setup(60 * MINUTE);
    await scheduler.start();
    let reads = 0;
    const listActive = store.listActive.bind(store);
    store.listActive = () => (reads++, listActive());
    for (let i = 0; i < 500; i++) {
      store.put(makeSubscription({ id: `s${i}`, cron: "* * * * *", timezone: "UTC" }));
      changes.publish("subscriptions"); // 500 users sending /subscribe at the same moment
    }
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(reads).toBeLessThanOrEqual(2);
    expect(new Set(fired).size).toBe(500); // and every one of them is scheduled
    await scheduler.stop();
  });
});
