import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeliveryFatalError, type DeliveryEngine } from "../../src/delivery/index.js";
import { createLogger } from "../../src/lib/logger.js";
import type { Store } from "../../src/store/index.js";
import { implementations, type StoreHandle } from "../store/store-kit.js";
import {
  createCapturingChannel,
  type CapturingChannelOptions,
} from "../fakes/capturing-channel.js";
import {
  addCards,
  advanceBy,
  advanceUntilIdle,
  stopEngines,
  createTestEngine,
  fireSlot,
  SLOT,
  subscribeChats,
} from "./delivery-kit.js";

const later = (minutes: number) => new Date(SLOT.getTime() + minutes * 60_000);
/** Stable pseudo-random choice per nonce, so a test picks the same chats every run. */
const bucket = (nonce: string, n: number) =>
  [...nonce].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % n;

/** Gaps between consecutive times: at least the expected ones, and not much more. */
function expectGaps(times: number[], expected: number[]): void {
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  expect(gaps).toHaveLength(expected.length);
  gaps.forEach((gap, i) => {
    expect(gap).toBeGreaterThanOrEqual(expected[i]!);
    expect(gap).toBeLessThan(expected[i]! + 50);
  });
}

describe.each(implementations)("the ledger worker's retries (%s store)", (_name, open) => {
  let handle: StoreHandle;
  let store: Store;
  let engines: DeliveryEngine[];

  beforeEach(async () => {
    vi.useFakeTimers();
    vi.setSystemTime(SLOT);
    handle = await open();
    store = handle.store;
    engines = [];
    await addCards(store, [1, 2, 3], later(-60));
  });
  afterEach(async () => {
    await stopEngines(engines);
    await handle.close();
    vi.useRealTimers();
  });

  async function setup(chats: number, channelOptions: CapturingChannelOptions, engineOptions = {}) {
    const channel = createCapturingChannel({ latencyMs: 20, ...channelOptions });
    const test = createTestEngine(store, channel, { options: engineOptions });
    engines.push(test.engine);
    const subs = await subscribeChats(store, chats, later(-30));
    return { channel, subs, ...test };
  }

  it("delivers everything despite 429 on 20% of sends, never retrying before retry_after", async () => {
    const retryAfterMs = (nonce: string) => 1_000 + bucket(nonce, 4) * 1_000;
    const { channel, engine, subs } = await setup(500, {
      limits: { concurrency: 16 },
      fail: ({ nonce, attempt }) =>
        bucket(nonce + attempt, 5) === 0
          ? { failure: { kind: "rate_limited", retryAfterMs: retryAfterMs(nonce) } }
          : undefined,
    });
    await fireSlot(engine, subs);
    engine.start();
    await advanceUntilIdle(engine);

    const limited = channel.calls.filter((c) => c.failure === "rate_limited");
    expect(limited.length).toBeGreaterThan(75);
    for (const call of limited) {
      const next = channel.calls.find(
        (c) => c.nonce === call.nonce && c.attempt === call.attempt + 1,
      );
      expect(next!.at - call.at).toBeGreaterThanOrEqual(retryAfterMs(call.nonce));
    }
    expect(new Set(channel.delivered.map((r) => r.target.chatId)).size).toBe(500);
    expect(channel.delivered).toHaveLength(500);
    expect(await store.ledger.counts()).toMatchObject({ sent: 500, total: 500 });
    expect(engine.stats().rateLimited).toBe(limited.length);
  });

  it("deactivates chats that keep failing after N digests and delivers to all the others", async () => {
    const gone = new Set(["chat-1", "chat-7", "chat-13"]);
    const { channel, engine, subs, changes } = await setup(40, {
      fail: ({ target }) =>
        gone.has(target.chatId) ? { failure: { kind: "chat_gone", permanent: false } } : undefined,
    });
    engine.start();
    for (let digest = 1; digest <= 3; digest++) {
      await addCards(store, [100 + digest], later(digest * 60 - 1));
      await fireSlot(engine, subs, later(digest * 60));
      await advanceUntilIdle(engine);
      const failing = [];
      for (const s of subs.filter((x) => gone.has(x.target.chatId))) {
        failing.push((await store.subscriptions.get(s.id))!);
      }
      expect(failing.map((s) => s.active)).toEqual(
        digest < 3 ? [true, true, true] : [false, false, false],
      );
      expect(failing.every((s) => s.consecutiveFailures === digest)).toBe(true);
    }
    expect(channel.delivered).toHaveLength(37 * 3);
    expect(channel.notices.map((n) => n.target.chatId).sort()).toEqual([...gone].sort());
    expect(changes()).toBe(3);
    expect(await store.subscriptions.listActive()).toHaveLength(37);
    // Turned off: the next minute queues nothing for them.
    await fireSlot(engine, subs, later(240));
    expect((await store.ledger.counts({ slot: later(240).toISOString() })).total).toBe(0);
  });

  it("deactivates at once when the chat is permanently gone, and drops the digest's other parts", async () => {
    const { channel, engine, subs } = await setup(2, {
      cardsPerPart: 1,
      fail: ({ target }) =>
        target.chatId === "chat-0"
          ? { failure: { kind: "chat_gone", permanent: true } }
          : undefined,
    });
    await fireSlot(engine, subs);
    engine.start();
    await advanceUntilIdle(engine);
    expect((await store.subscriptions.get(subs[0]!.id))?.active).toBe(false);
    expect(channel.calls.filter((c) => c.target.chatId === "chat-0")).toHaveLength(1);
    expect(await store.ledger.counts({ subscriptionId: subs[0]!.id })).toMatchObject({ failed: 3 });
    expect(channel.deliveredTo("chat-1")).toHaveLength(3);
    expect((await store.subscriptions.get(subs[1]!.id))?.consecutiveFailures).toBe(0);
  });

  it("follows a migrated chat and retries there", async () => {
    const { channel, engine, subs, changes } = await setup(1, {
      fail: ({ target }) =>
        target.chatId === "chat-0"
          ? { failure: { kind: "chat_moved", newChatId: "-100777" } }
          : undefined,
    });
    await fireSlot(engine, subs);
    engine.start();
    await advanceUntilIdle(engine);
    expect(channel.delivered.map((r) => r.target.chatId)).toEqual(["-100777"]);
    expect((await store.subscriptions.get(subs[0]!.id))?.target.chatId).toBe("-100777");
    expect(
      await store.received.list({ platform: "telegram", chatId: "-100777", threadId: null }),
    ).toHaveLength(3);
    expect(changes()).toBe(1);
  });

  it("fails a rejected payload loudly and never retries it", async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "error",
      destination: { write: (l: string) => void lines.push(l) },
    });
    const channel = createCapturingChannel({
      fail: ({ target }) =>
        target.chatId === "chat-0" ? { failure: { kind: "bad_payload" } } : undefined,
    });
    const { engine } = createTestEngine(store, channel, { logger });
    engines.push(engine);
    const subs = await subscribeChats(store, 3, later(-30));
    await fireSlot(engine, subs);
    engine.start();
    await advanceUntilIdle(engine);
    expect(channel.calls.filter((c) => c.target.chatId === "chat-0")).toHaveLength(1);
    expect(await store.ledger.counts()).toMatchObject({ failed: 1, sent: 2 });
    expect(
      lines.some((l) => l.includes("platform rejected the payload") && l.includes('"level":50')),
    ).toBe(true);
  });

  it("stops sending altogether and reports a fatal error on 401", async () => {
    const { channel, engine, subs, fatal } = await setup(50, {
      limits: { concurrency: 1 },
      fail: ({ call }) => (call >= 5 ? { failure: { kind: "unauthorized" } } : undefined),
    });
    await fireSlot(engine, subs);
    engine.start();
    for (let i = 0; i < 50 && fatal.length === 0; i++) await advanceBy(100);
    await advanceBy(5_000);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toBeInstanceOf(DeliveryFatalError);
    expect(fatal[0]!.message).toMatch(/401/);
    expect(engine.fatal).toBe(fatal[0]);
    expect(channel.calls).toHaveLength(6);
    expect(await store.ledger.counts()).toMatchObject({ sent: 5, pending: 45 });
    expect((await store.lease.get("deliver:telegram"))?.expiresAt).toBe(new Date(0).toISOString()); // released
  });

  it("marks an ambiguous send uncertain on a channel without idempotency, and never resends it", async () => {
    const { channel, engine, subs } = await setup(10, {
      fail: ({ target }) =>
        target.chatId === "chat-3"
          ? { failure: { kind: "ambiguous" }, delivered: true }
          : undefined,
    });
    await fireSlot(engine, subs);
    engine.start();
    await advanceUntilIdle(engine);
    expect(channel.calls.filter((c) => c.target.chatId === "chat-3")).toHaveLength(1);
    expect(await store.ledger.counts()).toMatchObject({ sent: 9, uncertain: 1 });
    expect(engine.stats().uncertain).toBe(1);
    // Possibly seen: its cards are not offered again.
    expect(await store.received.list(subs[3]!.target)).toHaveLength(3);
  });

  it("treats an unclassified error as ambiguous", async () => {
    const { engine, subs } = await setup(2, {
      fail: ({ target }) => (target.chatId === "chat-0" ? new Error("socket hang up") : undefined),
    });
    await fireSlot(engine, subs);
    engine.start();
    await advanceUntilIdle(engine);
    expect((await store.ledger.list({ status: "uncertain" })).map((r) => r.lastError)).toEqual([
      "ambiguous: socket hang up",
    ]);
  });

  it("retries an ambiguous send with the same nonce on an idempotent channel: one delivery", async () => {
    const { channel, engine, subs } = await setup(10, {
      idempotent: true,
      fail: ({ attempt, nonce }) =>
        attempt <= 2 && bucket(nonce, 2) === 0
          ? { failure: { kind: "ambiguous" }, delivered: attempt === 1 }
          : undefined,
    });
    await fireSlot(engine, subs);
    engine.start();
    await advanceUntilIdle(engine);
    expect(channel.calls.length).toBeGreaterThan(10);
    for (const sub of subs) expect(channel.deliveredTo(sub.target.chatId)).toHaveLength(1);
    expect(await store.ledger.counts()).toMatchObject({ sent: 10, uncertain: 0 });
  });

  it("gives up resending once the nonce window has passed", async () => {
    const { channel, engine, subs } = await setup(
      1,
      {
        idempotent: true,
        latencyMs: 0,
        fail: () => ({ failure: { kind: "ambiguous" } }),
      },
      { ambiguousWindowMs: 10_000, backoffBaseMs: 1_000 },
    );
    await fireSlot(engine, subs);
    engine.start();
    await advanceUntilIdle(engine);
    // 1 s, 2 s, 4 s apart; the next (8 s, at 15 s) would fall outside the 10 s window.
    expectGaps(
      channel.calls.map((c) => c.at),
      [1_000, 2_000, 4_000],
    );
    expect(await store.ledger.counts()).toMatchObject({ uncertain: 1 });
  });

  it("backs off exponentially when a send never left, then fails after maxAttempts", async () => {
    const { channel, engine, subs } = await setup(
      1,
      { fail: () => ({ failure: { kind: "not_sent" } }) },
      { maxAttempts: 5 },
    );
    await fireSlot(engine, subs);
    engine.start();
    await advanceUntilIdle(engine);
    // Exponential backoff, plus the 20 ms send latency.
    expectGaps(
      channel.calls.map((c) => c.at),
      [1_020, 2_020, 4_020, 8_020],
    );
    expect(await store.ledger.counts()).toMatchObject({ failed: 1 });
  });
});
