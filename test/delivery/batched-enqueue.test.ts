import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DeliveryEngine } from "../../src/delivery/index.js";
import type { Store } from "../../src/store/index.js";
import { createCapturingChannel } from "../fakes/capturing-channel.js";
import { implementations, type StoreHandle } from "../store/store-kit.js";
import { addCards, createTestEngine, SLOT, subscribeChats } from "./delivery-kit.js";

const PARTS = ["cards", "subscriptions", "received", "ledger", "lease", "kv", "sources"] as const;
const later = (minutes: number) => new Date(SLOT.getTime() + minutes * 60_000);

/** The store with every port call counted, inside transactions too: a stand-in for round trips. */
function counting(store: Store, calls: { n: number }): Store {
  const wrap = <T extends object>(part: T): T =>
    new Proxy(part, {
      get(target, key) {
        const value = (target as Record<PropertyKey, unknown>)[key];
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          calls.n++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const parts = Object.fromEntries(PARTS.map((name) => [name, wrap(store[name])]));
  return {
    ...store,
    ...parts,
    transaction: (fn) => store.transaction((tx) => fn(counting(tx, calls))),
  } as Store;
}

describe.each(implementations)("queuing a cron minute in batches (%s store)", (_name, open) => {
  let handle: StoreHandle;
  let engine: DeliveryEngine | undefined;
  beforeEach(async () => {
    handle = await open();
  });
  afterEach(async () => {
    await engine?.stop();
    await handle.close();
  });

  it("queues 200 chats' digests with a handful of store calls, not about ten per chat", async () => {
    await addCards(handle.store, [1, 2, 3], later(-60));
    const subs = await subscribeChats(handle.store, 200, later(-30));
    const calls = { n: 0 };
    const channel = createCapturingChannel({});
    engine = createTestEngine(counting(handle.store, calls), channel).engine;

    const results = await Promise.all(subs.map((s) => engine!.enqueue(s, SLOT)));

    expect(results.every((r) => r.status === "enqueued")).toBe(true);
    expect((await handle.store.ledger.counts()).pending).toBe(200);
    expect(await handle.store.received.list(subs[199]!.target)).toHaveLength(3);
    expect(calls.n).toBeLessThan(20);
  });

  it("still merges a waiting digest, and queues a second slot of one chat after its first", async () => {
    await addCards(handle.store, [1, 2], later(-60));
    const [sub] = await subscribeChats(handle.store, 1, later(-30));
    engine = createTestEngine(handle.store, createCapturingChannel({})).engine;
    // The same minute's burst holds two slots of one subscription (a catch-up and the current one).
    const [first, second] = await Promise.all([
      engine.enqueue(sub!, SLOT, { catchUp: true }),
      engine.enqueue(sub!, later(60), { catchUp: false }),
    ]);
    expect(first).toEqual({ status: "enqueued", rows: 1, cards: 2 });
    // The second found the first waiting untouched and folded its cards in.
    expect(second).toEqual({ status: "enqueued", rows: 1, cards: 2 });
    const counts = await handle.store.ledger.counts({ subscriptionId: sub!.id });
    expect(counts).toMatchObject({ pending: 1, failed: 1, total: 2 });
  });
});
