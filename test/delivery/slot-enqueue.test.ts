import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeliveryEngine } from "../../src/delivery/index.js";
import type { Store } from "../../src/store/index.js";
import { createCapturingChannel, type CapturingChannel } from "../fakes/capturing-channel.js";
import { makeCard } from "../fixtures/cards.js";
import { implementations, type StoreHandle } from "../store/store-kit.js";
import {
  addCards,
  advanceUntilIdle,
  createTestEngine,
  fireSlot,
  SLOT,
  subscribeChats,
} from "./delivery-kit.js";

const later = (minutes: number) => new Date(SLOT.getTime() + minutes * 60_000);

describe.each(implementations)("queuing digests (%s store)", (_name, open) => {
  let handle: StoreHandle;
  let store: Store;
  let channel: CapturingChannel;
  let engine: DeliveryEngine;

  beforeEach(async () => {
    vi.useFakeTimers();
    vi.setSystemTime(SLOT);
    handle = await open();
    store = handle.store;
    channel = createCapturingChannel({ cardsPerPart: 2 });
    engine = createTestEngine(store, channel).engine;
  });
  afterEach(async () => {
    await engine.stop();
    await handle.close();
    vi.useRealTimers();
  });

  it("writes one row per message part before sending, and a repeated slot adds nothing", async () => {
    await addCards(store, [1, 2, 3, 4, 5], later(-60));
    const subs = await subscribeChats(store, 3, later(-30));
    const results = await fireSlot(engine, subs);
    expect(results).toEqual(subs.map(() => ({ status: "enqueued", rows: 3, cards: 5 })));
    expect(channel.calls).toHaveLength(0);
    expect(await store.ledger.counts()).toMatchObject({ pending: 9, total: 9 });

    const again = await fireSlot(engine, subs);
    expect(again.every((r) => r.status === "exists")).toBe(true);
    await Promise.all(subs.map((s) => engine.onSlot(s, SLOT, { catchUp: true })));
    expect((await store.ledger.counts()).total).toBe(9);

    engine.start();
    await advanceUntilIdle(engine);
    expect(channel.delivered).toHaveLength(9);
    expect(await store.ledger.counts()).toMatchObject({ sent: 9, total: 9 });
    expect(await fireSlot(engine, subs)).toEqual(subs.map(() => ({ status: "exists" })));
    expect(channel.delivered).toHaveLength(9);
  });

  it("sends a digest's parts in order, a second apart in one chat", async () => {
    await addCards(store, [1, 2, 3, 4, 5], later(-60));
    const subs = await subscribeChats(store, 1, later(-30));
    const paced = createCapturingChannel({ cardsPerPart: 2, limits: { perChatPerSecond: 1 } });
    const { engine: pacedEngine } = createTestEngine(store, paced);
    await fireSlot(pacedEngine, subs);
    pacedEngine.start();
    await advanceUntilIdle(pacedEngine);
    await pacedEngine.stop();
    expect(paced.delivered.map((r) => r.nonce.slice(-1))).toEqual(["0", "1", "2"]);
    const times = paced.delivered.map((r) => r.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1_000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1_000);
  });

  it("marks the cards received, so the next digest holds only new ones", async () => {
    await addCards(store, [1, 2, 3], later(-60));
    const subs = await subscribeChats(store, 1, later(-30), { count: 2 });
    engine.start();
    await fireSlot(engine, subs);
    await advanceUntilIdle(engine);
    expect(await store.received.list(subs[0]!.target)).toHaveLength(2);

    // The backlog card left out of the first digest never comes later.
    expect(await fireSlot(engine, subs, later(60))).toEqual([{ status: "empty" }]);
    await addCards(store, [9], later(90));
    expect(await fireSlot(engine, subs, later(120))).toEqual([
      { status: "enqueued", rows: 1, cards: 1 },
    ]);
    await advanceUntilIdle(engine);
    expect(channel.delivered.at(-1)?.part).toMatchObject({ cardIds: [makeCard(9).id] });
  });

  it("sends nothing when nothing is new, or one notice when the subscription asks", async () => {
    const [quiet] = await subscribeChats(store, 1, later(-30));
    const [chatty] = await subscribeChats(store, 1, later(-30), { notifyEmpty: true });
    expect(await engine.enqueue(quiet!, SLOT)).toEqual({ status: "empty" });
    expect(await engine.enqueue(chatty!, SLOT)).toEqual({ status: "enqueued", rows: 1, cards: 0 });
    engine.start();
    await advanceUntilIdle(engine);
    expect(channel.delivered.map((r) => r.part)).toEqual([
      { kind: "notice", text: "No new stories since the last digest." },
    ]);
  });

  it("skips removed and deactivated subscriptions", async () => {
    await addCards(store, [1], later(-60));
    const [removed, inactive] = await subscribeChats(store, 2, later(-30));
    await store.subscriptions.remove(removed!.id);
    await store.subscriptions.deactivate(inactive!.id);
    expect(await fireSlot(engine, [removed!, inactive!])).toEqual([
      { status: "inactive" },
      { status: "inactive" },
    ]);
  });

  it("logs a digest that cannot be rendered and queues the others", async () => {
    const buggy = createCapturingChannel({ renderThrowsFor: makeCard(2).id });
    const { engine: buggyEngine } = createTestEngine(store, buggy);
    await addCards(store, [1], later(-60));
    const [a] = await subscribeChats(store, 1, later(-30));
    await addCards(store, [2], later(-60));
    const [b] = await subscribeChats(store, 1, later(-30), {
      target: { platform: "telegram", chatId: "x", threadId: null },
    });
    await store.received.mark(a!.target, [makeCard(2).id], "seed", SLOT);
    expect(await fireSlot(buggyEngine, [a!, b!])).toEqual([
      { status: "enqueued", rows: 1, cards: 1 },
      { status: "error" },
    ]);
    await buggyEngine.stop();
  });

  it("queues thousands of slots arriving in one tick", async () => {
    await addCards(store, [1, 2], later(-60));
    const subs = await subscribeChats(store, 2_000, later(-30));
    const results = await fireSlot(engine, subs);
    expect(results.filter((r) => r.status === "enqueued")).toHaveLength(2_000);
    expect((await store.ledger.counts()).pending).toBe(2_000);
  }, 60_000); // Postgres: about 18,000 round trips
});
