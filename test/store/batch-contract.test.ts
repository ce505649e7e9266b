import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store, UnreceivedQuery } from "../../src/store/index.js";
import { makeCard } from "../fixtures/cards.js";
import { implementations, ledgerRows, newSub, type StoreHandle } from "./store-kit.js";

const T0 = new Date("2024-03-01T08:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const target = (chatId: string, threadId: string | null = null) => ({
  platform: "telegram" as const,
  chatId,
  threadId,
});

/** The batched methods queue a cron minute in a few round trips; they must answer as the single ones. */
describe.each(implementations)("%s store: batched reads and writes", (_name, open) => {
  let handle: StoreHandle;
  let store: Store;
  beforeEach(async () => {
    handle = await open();
    store = handle.store;
  });
  afterEach(async () => {
    await handle.close();
  });

  it("pages unreceived cards for many targets at once, each as unreceived would", async () => {
    for (let i = 1; i <= 6; i++)
      await store.cards.upsert(makeCard(i, i > 4 ? { sourceId: "feed:x" } : {}), at(i));
    await store.received.mark(target("c1"), [makeCard(6).id, makeCard(3).id], "s1", at(10));
    const queries: UnreceivedQuery[] = [
      { target: target("c1"), limit: 3, offset: 0 },
      { target: target("c1"), limit: 3, offset: 2 },
      { target: target("c2"), arrivedSince: at(3).toISOString(), limit: 10, offset: 0 },
      { target: target("c1", "t1"), sourceIds: ["feed:x"], limit: 10, offset: 0 },
      { target: target("c3"), sourceIds: [], limit: 10, offset: 0 },
    ];
    const pages = await store.cards.unreceivedMany(queries);
    const single = await Promise.all(queries.map((q) => store.cards.unreceived(q.target, q)));
    expect(pages).toEqual(single);
    expect(pages.map((p) => p.map((c) => c.id))).toEqual([
      [5, 4, 2].map((i) => makeCard(i).id),
      [2, 1].map((i) => makeCard(i).id),
      [6, 5, 4, 3].map((i) => makeCard(i).id),
      [6, 5].map((i) => makeCard(i).id),
      [],
    ]);
    expect(await store.cards.unreceivedMany([])).toEqual([]);
  });

  it("reads many subscriptions at once, undefined for unknown ids, in the ids' order", async () => {
    const a = await store.subscriptions.create(newSub("c1"), T0);
    const b = await store.subscriptions.create(newSub("c2", { count: 3 }), T0);
    expect(await store.subscriptions.getMany([b.id, "nope", a.id, b.id])).toEqual([
      b,
      undefined,
      a,
      b,
    ]);
  });

  it("lists many chats' own sources at once, in link order", async () => {
    const chat = (chatId: string) => ({ platform: "telegram" as const, chatId });
    const feed = (url: string) => ({ id: `feed:${url}`, url, kind: "feed" as const, title: null });
    const a = (await store.sources.add({ ...feed("https://a.example/"), addedBy: null }, T0))
      .source;
    const b = (await store.sources.add({ ...feed("https://b.example/"), addedBy: null }, T0))
      .source;
    await store.sources.link(chat("c1"), b.id, T0);
    await store.sources.link(chat("c1"), a.id, at(1));
    await store.sources.link(chat("c2"), a.id, at(2));
    const lists = await store.sources.forChats([chat("c2"), chat("none"), chat("c1")]);
    expect(lists.map((l) => l.map((s) => s.id))).toEqual([[a.id], [], [b.id, a.id]]);
    expect(lists[2]).toEqual(await store.sources.forChat(chat("c1")));
  });

  it("marks many digests' cards received at once, ignoring repeats", async () => {
    await store.received.markMany(
      [
        { target: target("c1"), cardIds: ["k1", "k2"], subscriptionId: "s1" },
        { target: target("c2", "t"), cardIds: ["k1"], subscriptionId: "s2" },
        { target: target("c3"), cardIds: [], subscriptionId: "s3" },
        { target: target("c1"), cardIds: ["k2"], subscriptionId: "s1" },
      ],
      T0,
    );
    expect(await store.received.list(target("c1"))).toEqual(["k1", "k2"]);
    expect(await store.received.list(target("c2", "t"))).toEqual(["k1"]);
    expect(await store.received.list(target("c2"))).toEqual([]);
    expect(await store.received.list(target("c3"))).toEqual([]);
  });

  it("says which ledger rows were new, and what each slot already holds", async () => {
    const slot1 = T0.toISOString();
    const slot2 = at(60).toISOString();
    expect(await store.ledger.insert(ledgerRows("s1", slot1, 2), T0)).toBe(2);
    const rows = [...ledgerRows("s1", slot1, 2), ...ledgerRows("s2", slot1, 1, "chat-2")];
    expect(await store.ledger.insertNew(rows, T0)).toEqual([rows[2]!.id]);
    expect(await store.ledger.insertNew([], T0)).toEqual([]);
    const claimed = (await store.ledger.pendingFor("s2"))[0]!;
    await store.ledger.claim(claimed.id, 1, T0);

    const states = await store.ledger.slotStates([
      { subscriptionId: "s1", slot: slot1 },
      { subscriptionId: "s1", slot: slot2 },
      { subscriptionId: "s2", slot: slot2 },
      { subscriptionId: "s3", slot: slot1 },
    ]);
    expect(states.map(({ hasSlot, hasAny }) => ({ hasSlot, hasAny }))).toEqual([
      { hasSlot: true, hasAny: true },
      { hasSlot: false, hasAny: true },
      { hasSlot: false, hasAny: true },
      { hasSlot: false, hasAny: false },
    ]);
    expect(states[0]!.pending).toEqual(await store.ledger.pendingFor("s1"));
    expect(states[0]!.pending.map((r) => r.partIndex)).toEqual([0, 1]);
    expect(states[2]!.pending).toEqual([]);
    expect(states[3]!.pending).toEqual([]);
    expect(await store.ledger.slotStates([])).toEqual([]);
  });
});
