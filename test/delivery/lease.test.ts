import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeliveryEngine } from "../../src/delivery/index.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import { createCapturingChannel, type CapturingChannel } from "../fakes/capturing-channel.js";
import {
  addCards,
  advanceUntilIdle,
  createTestEngine,
  fireSlot,
  SLOT,
  subscribeChats,
} from "./delivery-kit.js";

const later = (minutes: number) => new Date(SLOT.getTime() + minutes * 60_000);

describe("one sender per database", () => {
  let store: Store;
  let engines: DeliveryEngine[];

  beforeEach(async () => {
    vi.useFakeTimers();
    vi.setSystemTime(SLOT);
    store = createMemoryStore();
    engines = [];
    await addCards(store, [1, 2], later(-60));
  });
  afterEach(async () => {
    await Promise.all(engines.map((e) => e.stop()));
    vi.useRealTimers();
  });

  function engineFor(
    channel: CapturingChannel,
    holder: string,
    options = {},
    isHolderGone: (holder: string) => boolean = () => false,
  ) {
    const test = createTestEngine(store, channel, {
      holder,
      isHolderGone,
      options: { pollMs: 1_000, ...options },
    });
    engines.push(test.engine);
    return test;
  }

  it("makes a second engine wait while the first holds the lease, then take over", async () => {
    const subs = await subscribeChats(store, 20, later(-30));
    const a = createCapturingChannel({ latencyMs: 10 });
    const b = createCapturingChannel({ latencyMs: 10 });
    const first = engineFor(a, "host-a:1:aa").engine;
    const second = engineFor(b, "host-b:2:bb").engine;
    first.start();
    await vi.advanceTimersByTimeAsync(10);
    second.start();
    // Both processes' schedulers fire the same minute.
    await fireSlot(first, subs);
    await fireSlot(second, subs);
    await advanceUntilIdle(first);
    expect(a.delivered).toHaveLength(20);
    expect(b.calls).toHaveLength(0);

    await first.stop();
    await addCards(store, [3], later(30));
    await fireSlot(second, subs, later(60));
    await advanceUntilIdle(second);
    expect(b.delivered).toHaveLength(20);
    expect((await store.lease.get("deliver:telegram"))?.holder).toBe("host-b:2:bb");
    expect(await store.ledger.counts()).toMatchObject({ sent: 40, total: 40 });
  });

  it("stops with a clear fatal error when told not to wait", async () => {
    engineFor(createCapturingChannel(), "host-a:1:aa").engine.start();
    await vi.advanceTimersByTimeAsync(10);
    const { engine, fatal } = engineFor(createCapturingChannel(), "host-b:2:bb", {
      leaseBusy: "exit",
    });
    engine.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]!.message).toMatch(
      /delivery lease is held by host-a:1:aa until .*another process/,
    );
  });

  it("waits out the lease of a crashed holder that may still be alive", async () => {
    await store.lease.acquire({
      name: "deliver:telegram",
      holder: "far-away:9:zz",
      now: SLOT,
      ttlMs: 30_000,
    });
    const subs = await subscribeChats(store, 3, later(-30));
    const channel = createCapturingChannel();
    const { engine } = engineFor(channel, "host-a:1:aa");
    await fireSlot(engine, subs);
    engine.start();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(channel.calls).toHaveLength(0);
    await advanceUntilIdle(engine);
    expect(channel.delivered).toHaveLength(3);
    expect(Date.now() - SLOT.getTime()).toBeLessThan(32_000);
  });

  describe.each([
    ["without idempotency", false],
    ["with nonces", true],
  ])("recovering rows a dead process left in flight (%s)", (_name, idempotent) => {
    it(
      idempotent ? "resends them with the same nonce" : "marks them uncertain and never resends",
      async () => {
        const subs = await subscribeChats(store, 6, later(-30));
        const dead = createCapturingChannel();
        const { engine: enqueuer } = engineFor(dead, "dead:1:00");
        await fireSlot(enqueuer, subs);
        // The dead process had claimed three rows when it was killed.
        const lease = await store.lease.acquire({
          name: "deliver:telegram",
          holder: "dead:1:00",
          now: SLOT,
          ttlMs: 30_000,
        });
        const epoch = lease.ok ? lease.epoch : -1;
        const orphans = await store.ledger.due(SLOT, 3);
        for (const row of orphans) await store.ledger.claim(row.id, epoch, SLOT);

        const channel = createCapturingChannel({ idempotent, seenNonces: [orphans[0]!.id] });
        const { engine } = engineFor(channel, "host-a:1:aa", {}, (h: string) => h === "dead:1:00");
        engine.start();
        await advanceUntilIdle(engine);
        expect(channel.calls.some((c) => c.nonce === orphans[1]!.id)).toBe(idempotent);
        if (idempotent) {
          expect(await store.ledger.counts()).toMatchObject({ sent: 6, total: 6 });
          // The one the platform had already seen is not delivered twice.
          expect(channel.delivered.map((r) => r.nonce)).not.toContain(orphans[0]!.id);
        } else {
          expect(await store.ledger.counts()).toMatchObject({ sent: 3, uncertain: 3, total: 6 });
          expect(engine.stats().uncertain).toBe(3);
        }
      },
    );
  });

  it("stops sending at once when another process takes the lease over", async () => {
    const subs = await subscribeChats(store, 30, later(-30));
    const channel = createCapturingChannel({ latencyMs: 100, limits: { concurrency: 2 } });
    const { engine } = engineFor(channel, "host-a:1:aa");
    await fireSlot(engine, subs);
    engine.start();
    await vi.advanceTimersByTimeAsync(250);
    // Another process decided our lease was gone (e.g. we were paused) and took it.
    await store.lease.acquire({
      name: "deliver:telegram",
      holder: "host-b:2:bb",
      now: new Date(),
      ttlMs: 60_000,
      replaceHolder: "host-a:1:aa",
    });
    const before = channel.calls.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(channel.calls.length).toBe(before);
    expect((await store.ledger.counts()).sent).toBe(before);
  });
});

describe("stopping", () => {
  beforeEach(async () => {
    vi.useFakeTimers();
    vi.setSystemTime(SLOT);
  });
  afterEach(async () => vi.useRealTimers());

  it("finishes in-flight sends, releases the lease, is idempotent and closes nothing", async () => {
    const store = createMemoryStore();
    await addCards(store, [1], later(-60));
    const channel = createCapturingChannel({ latencyMs: 500, limits: { concurrency: 4 } });
    const { engine } = createTestEngine(store, channel, { holder: "host-a:1:aa" });
    await fireSlot(engine, await subscribeChats(store, 20, later(-30)));
    engine.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(channel.calls).toHaveLength(4);
    const stopping = [engine.stop(), engine.stop()];
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(stopping);
    expect(await store.ledger.counts()).toMatchObject({ sent: 4, pending: 16, sending: 0 });
    expect((await store.lease.get("deliver:telegram"))?.expiresAt).toBe(new Date(0).toISOString());
    await engine.stop();
    expect(channel.calls).toHaveLength(4);
  });

  it("leaves sends that outlive the stop timeout for the next start to recover", async () => {
    const store = createMemoryStore();
    await addCards(store, [1], later(-60));
    const channel = createCapturingChannel({ latencyMs: 60_000, limits: { concurrency: 2 } });
    const { engine } = createTestEngine(store, channel, { options: { stopTimeoutMs: 1_000 } });
    await fireSlot(engine, await subscribeChats(store, 5, later(-30)));
    engine.start();
    await vi.advanceTimersByTimeAsync(10);
    const stopped = engine.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    await stopped;
    expect(await store.ledger.counts()).toMatchObject({ sending: 2, pending: 3 });
  });
});
