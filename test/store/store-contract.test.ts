import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ScheduleStore } from "../../src/delivery/schedule/index.js";
import type { Store } from "../../src/store/index.js";
import { makeCard } from "../fixtures/cards.js";
import { implementations, ledgerRows, newSub, type StoreHandle } from "./store-kit.js";

const T0 = new Date("2024-03-01T08:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const target = (chatId: string, threadId: string | null = null) => ({
  platform: "telegram" as const,
  chatId,
  threadId,
});

describe.each(implementations)("%s store", (_name, open) => {
  let handle: StoreHandle;
  let store: Store;
  beforeEach(() => {
    handle = open();
    store = handle.store;
  });
  afterEach(() => handle.close());

  describe("cards", () => {
    it("keeps one card per source and replaces it when the article changes", () => {
      expect(store.cards.upsert(makeCard(1), at(0))).toBe("inserted");
      expect(store.cards.upsert(makeCard(1), at(1))).toBe("unchanged");
      const changed = makeCard(2, { source: "article-1.txt" });
      expect(store.cards.upsert(changed, at(2))).toBe("replaced");
      expect(store.cards.count()).toBe(1);
      expect(store.cards.get(makeCard(1).id)).toBeUndefined();
      expect(store.cards.get(changed.id)).toEqual(changed);
      expect(store.cards.sources()).toEqual([{ source: "article-1.txt", id: changed.id }]);
    });

    it("removes a card by its source", () => {
      store.cards.upsert(makeCard(1), at(0));
      expect(store.cards.removeBySource("article-1.txt")).toBe(true);
      expect(store.cards.removeBySource("article-1.txt")).toBe(false);
      expect(store.cards.count()).toBe(0);
    });

    it("lists newest first: card date descending, undated last, then latest arrival", () => {
      store.cards.upsert(makeCard(1, { date: "2024-01-05" }), at(0));
      store.cards.upsert(makeCard(2, { date: null }), at(1));
      store.cards.upsert(makeCard(3, { date: "2024-01-09" }), at(2));
      store.cards.upsert(makeCard(4, { date: "2024-01-05" }), at(3));
      store.cards.upsert(makeCard(5, { date: null }), at(4));
      const ids = (limit: number, offset: number) =>
        store.cards.latest({ limit, offset }).map((c) => c.source);
      expect(ids(10, 0)).toEqual([
        "article-3.txt",
        "article-4.txt",
        "article-1.txt",
        "article-5.txt",
        "article-2.txt",
      ]);
      expect(ids(2, 1)).toEqual(["article-4.txt", "article-1.txt"]);
    });

    it("finds a card by id or by a unique prefix of at least 4 characters", () => {
      const a = makeCard(1, { id: "abcd11110000" });
      const b = makeCard(2, { id: "abcd22220000" });
      store.cards.upsert(a, at(0));
      store.cards.upsert(b, at(0));
      expect(store.cards.get("abcd11110000")).toEqual(a);
      expect(store.cards.get("ABCD2")).toEqual(b);
      expect(store.cards.get("abcd")).toBeUndefined(); // ambiguous
      expect(store.cards.get("abc")).toBeUndefined(); // too short
      expect(store.cards.get("zz*")).toBeUndefined();
    });

    it("searches every word case-insensitively over title, summary, facts and tags", () => {
      store.cards.upsert(
        makeCard(1, { title: "Budget grows in Astana", tags: ["economy"] }),
        at(0),
      );
      store.cards.upsert(makeCard(2, { title: "Floods in the north", tags: ["weather"] }), at(1));
      expect(store.cards.search("BUDGET astana", 10).map((c) => c.source)).toEqual([
        "article-1.txt",
      ]);
      expect(store.cards.search("weather", 10).map((c) => c.source)).toEqual(["article-2.txt"]);
      expect(store.cards.search("officers", 10)).toHaveLength(2); // in the facts
      expect(store.cards.search("budget weather", 10)).toEqual([]);
      expect(store.cards.search("   ", 10)).toEqual([]);
      expect(store.cards.search("officers", 1)).toHaveLength(1);
    });

    it("suggests ids: id prefix first, then title prefix, then title substring", () => {
      store.cards.upsert(makeCard(1, { id: "aaaa00000001", title: "Rail strike ends" }), at(0));
      store.cards.upsert(makeCard(2, { id: "bbbb00000002", title: "Strike in the port" }), at(1));
      store.cards.upsert(makeCard(3, { id: "5712aa000003", title: "Weather" }), at(2));
      expect(store.cards.suggest("strike", 10).map((s) => s.id)).toEqual([
        "bbbb00000002",
        "aaaa00000001",
      ]);
      expect(store.cards.suggest("57", 10)).toEqual([{ id: "5712aa000003", title: "Weather" }]);
      expect(store.cards.suggest("", 2)).toHaveLength(2);
    });

    it("lists the cards a target has not received, optionally only recent arrivals", () => {
      for (let i = 1; i <= 4; i++) store.cards.upsert(makeCard(i, { date: null }), at(i));
      store.received.mark(target("c1"), [makeCard(4).id], "s1", at(5));
      const sources = (arrivedSince?: string, threadId: string | null = null) =>
        store.cards
          .unreceived(target("c1", threadId), { arrivedSince, limit: 10, offset: 0 })
          .map((c) => c.source);
      expect(sources()).toEqual(["article-3.txt", "article-2.txt", "article-1.txt"]);
      expect(sources(at(2).toISOString())).toEqual(["article-3.txt", "article-2.txt"]);
      expect(sources(undefined, "topic-9")).toHaveLength(4); // a forum topic is its own place
    });
  });

  describe("subscriptions", () => {
    it("creates subscriptions with defaults and short human-typeable ids", () => {
      const sub = store.subscriptions.create(newSub("c1"), T0);
      expect(sub).toMatchObject({
        timezone: "UTC",
        count: 5,
        include: [],
        active: true,
        consecutiveFailures: 0,
        lastSlot: null,
        createdAt: T0.toISOString(),
      });
      expect(sub.id).toMatch(/^[a-hj-km-np-z2-9]{6}$/);
      expect(store.subscriptions.get(sub.id)).toEqual(sub);
    });

    it("gives every subscription a distinct id", () => {
      const ids = new Set(
        Array.from({ length: 200 }, (_, i) => store.subscriptions.create(newSub(`c${i}`), T0).id),
      );
      expect(ids.size).toBe(200);
    });

    it("refuses invalid input with a StoreError", () => {
      expect(() => store.subscriptions.create(newSub("c1", { count: 99 }), T0)).toThrow(
        /invalid subscription/,
      );
    });

    it("lists by chat, lists active ones, removes one", () => {
      const a = store.subscriptions.create(newSub("c1"), at(0));
      const b = store.subscriptions.create(newSub("c1", { target: target("c1", "t") }), at(1));
      const c = store.subscriptions.create(newSub("c2"), at(2));
      expect(
        store.subscriptions.listByChat({ platform: "telegram", chatId: "c1" }).map((s) => s.id),
      ).toEqual([a.id, b.id]);
      expect(store.subscriptions.listByChat({ platform: "discord", chatId: "c1" })).toEqual([]);
      store.subscriptions.deactivate(b.id);
      expect(store.subscriptions.listActive().map((s) => s.id)).toEqual([a.id, c.id]);
      expect(store.subscriptions.remove(a.id)?.id).toBe(a.id);
      expect(store.subscriptions.remove(a.id)).toBeUndefined();
      expect(store.subscriptions.list().map((s) => s.id)).toEqual([b.id, c.id]);
    });

    it("records fired slots, failures and successes", () => {
      const sub = store.subscriptions.create(newSub("c1"), T0);
      store.subscriptions.markFired(sub.id, at(60).toISOString());
      expect(store.subscriptions.recordFailure(sub.id)).toBe(1);
      expect(store.subscriptions.recordFailure(sub.id)).toBe(2);
      expect(store.subscriptions.get(sub.id)).toMatchObject({
        lastSlot: at(60).toISOString(),
        consecutiveFailures: 2,
      });
      store.subscriptions.recordSuccess(sub.id);
      expect(store.subscriptions.get(sub.id)?.consecutiveFailures).toBe(0);
      expect(store.subscriptions.recordFailure("missing")).toBe(0);
    });

    it("moves every subscription of a migrated chat", () => {
      store.subscriptions.create(newSub("-100"), T0);
      store.subscriptions.create(newSub("-100"), T0);
      expect(store.subscriptions.moveChat("telegram", "-100", "-100999")).toBe(2);
      expect(
        store.subscriptions.listByChat({ platform: "telegram", chatId: "-100999" }),
      ).toHaveLength(2);
    });

    it("satisfies the scheduler's ScheduleStore", () => {
      const scheduleStore: ScheduleStore = store.subscriptions;
      expect(scheduleStore.listActive()).toEqual([]);
    });
  });

  describe("received", () => {
    it("remembers what each target received and follows a chat migration", () => {
      store.received.mark(target("c1"), ["aaa", "bbb"], "s1", T0);
      store.received.mark(target("c1"), ["bbb"], "s2", T0);
      expect(store.received.has(target("c1"), "aaa")).toBe(true);
      expect(store.received.has(target("c1", "topic"), "aaa")).toBe(false);
      expect(store.received.list(target("c1"))).toEqual(["aaa", "bbb"]);
      store.received.mark(target("c9"), ["bbb"], "s1", T0);
      store.received.moveChat("telegram", "c1", "c9");
      expect(store.received.list(target("c9"))).toEqual(["aaa", "bbb"]);
      expect(store.received.list(target("c1"))).toEqual([]);
    });
  });

  describe("ledger", () => {
    const slot = at(60).toISOString();

    it("inserts one row per (subscription, slot, part) and ignores repeats", () => {
      expect(store.ledger.insert(ledgerRows("s1", slot, 2), T0)).toBe(2);
      expect(store.ledger.insert(ledgerRows("s1", slot, 3), T0)).toBe(1);
      expect(store.ledger.hasSlot("s1", slot)).toBe(true);
      expect(store.ledger.hasSlot("s1", at(61).toISOString())).toBe(false);
      expect(store.ledger.hasAny("s1")).toBe(true);
      expect(store.ledger.hasAny("s2")).toBe(false);
      expect(store.ledger.counts()).toMatchObject({ pending: 3, total: 3 });
      expect(store.ledger.get(`s1.${Date.parse(slot).toString(36)}.0`)).toMatchObject({
        status: "pending",
        attempts: 0,
        payload: { text: "part 0" },
        nextAttemptAt: T0.toISOString(),
      });
    });

    it("hands out due rows with each digest's parts in order", () => {
      const rows = ledgerRows("s1", slot, 2);
      store.ledger.insert(rows, T0);
      store.ledger.insert(ledgerRows("s2", slot, 1, "chat-2"), T0);
      const [p0, p1] = rows.map((r) => r.id) as [string, string];
      expect(store.ledger.due(T0, 10).map((r) => r.id)).not.toContain(p1);
      expect(store.ledger.claim(p0, 1, T0)).toBe(true);
      expect(store.ledger.due(T0, 10).map((r) => r.id)).not.toContain(p1); // part 0 still sending
      expect(store.ledger.settle(p0, 1, "sent", null, at(1))).toBe(true);
      expect(store.ledger.due(at(1), 10).map((r) => r.id)).toContain(p1);
      expect(store.ledger.due(at(1), 1)).toHaveLength(1);
    });

    it("holds a subscription's later digest until its earlier one has settled", () => {
      const later = new Date(Date.parse(slot) + 60_000).toISOString();
      const [first] = ledgerRows("s1", slot, 1);
      const [second] = ledgerRows("s1", later, 1);
      store.ledger.insert([first!, second!], T0);
      expect(store.ledger.due(T0, 10).map((r) => r.id)).toEqual([first!.id]);
      expect(store.ledger.claim(first!.id, 1, T0)).toBe(true);
      expect(store.ledger.due(T0, 10)).toEqual([]);
      expect(store.ledger.settle(first!.id, 1, "sent", null, at(1))).toBe(true);
      expect(store.ledger.due(at(1), 10).map((r) => r.id)).toEqual([second!.id]);
    });

    it("fences transitions out of sending by the claiming epoch", () => {
      const [row] = ledgerRows("s1", slot, 1);
      store.ledger.insert([row!], T0);
      expect(store.ledger.claim(row!.id, 7, T0)).toBe(true);
      expect(store.ledger.claim(row!.id, 8, T0)).toBe(false);
      expect(store.ledger.settle(row!.id, 6, "sent", null, T0)).toBe(false);
      const retry = { nextAttemptAt: at(5), error: "rate_limited: slow down" };
      expect(store.ledger.release(row!.id, 7, retry, at(1))).toBe(true);
      expect(store.ledger.get(row!.id)).toMatchObject({
        status: "pending",
        attempts: 1,
        nextAttemptAt: at(5).toISOString(),
        lastError: "rate_limited: slow down",
        claimedEpoch: 7,
        maybeDeliveredAt: null,
      });
      expect(store.ledger.due(at(4), 10)).toEqual([]);
      expect(store.ledger.nextDueAt()).toBe(at(5).toISOString());
      expect(store.ledger.claim(row!.id, 7, at(5))).toBe(true);
      expect(store.ledger.get(row!.id)).toMatchObject({
        attempts: 2,
        firstAttemptAt: T0.toISOString(),
      });
    });

    it("remembers the first attempt that may have been delivered", () => {
      const [row] = ledgerRows("s1", slot, 1);
      store.ledger.insert([row!], T0);
      store.ledger.claim(row!.id, 1, at(1));
      store.ledger.release(
        row!.id,
        1,
        { nextAttemptAt: at(2), error: "x", maybeDelivered: true },
        at(1),
      );
      store.ledger.claim(row!.id, 1, at(2));
      store.ledger.release(
        row!.id,
        1,
        { nextAttemptAt: at(3), error: "x", maybeDelivered: true },
        at(2),
      );
      expect(store.ledger.get(row!.id)?.maybeDeliveredAt).toBe(at(1).toISOString());
    });

    it("defers, retargets and cancels pending rows; counts by status", () => {
      store.ledger.insert(ledgerRows("s1", slot, 2, "-100"), T0);
      store.ledger.insert(ledgerRows("s2", slot, 1, "other"), T0);
      const [first] = store.ledger.due(T0, 1);
      expect(store.ledger.defer(first!.id, at(9), T0)).toBe(true);
      expect(store.ledger.get(first!.id)?.nextAttemptAt).toBe(at(9).toISOString());
      expect(store.ledger.retarget("telegram", "-100", "-200", T0)).toBe(2);
      expect(store.ledger.list({ subscriptionId: "s1" }).map((r) => r.target.chatId)).toEqual([
        "-200",
        "-200",
      ]);
      expect(store.ledger.cancelPending({ subscriptionId: "s1" }, "unsubscribed", T0)).toBe(2);
      expect(store.ledger.counts()).toMatchObject({ pending: 1, failed: 2, total: 3 });
      expect(store.ledger.counts({ subscriptionId: "s1", status: "failed" }).total).toBe(2);
      expect(store.ledger.list({ status: "failed" })[0]?.lastError).toBe("unsubscribed");
    });
  });

  describe("lease", () => {
    const req = (holder: string, now: Date, extra = {}) => ({
      name: "delivery",
      holder,
      now,
      ttlMs: 60_000,
      ...extra,
    });

    it("lets one holder at a time in, with a higher epoch for each new holder", () => {
      const a = store.lease.acquire(req("a", T0));
      expect(a).toEqual({ ok: true, epoch: 1 });
      const b = store.lease.acquire(req("b", at(0.5)));
      expect(b).toMatchObject({ ok: false, current: { holder: "a", epoch: 1 } });
      expect(store.lease.holds("delivery", "a", 1, at(0.5))).toBe(true);
      expect(store.lease.acquire(req("b", at(1)))).toEqual({ ok: true, epoch: 2 }); // expired
      expect(store.lease.holds("delivery", "a", 1, at(1))).toBe(false);
      expect(store.lease.renew({ ...req("a", at(1)), epoch: 1 })).toBe(false);
      expect(store.lease.renew({ ...req("b", at(1.5)), epoch: 2 })).toBe(true);
      expect(store.lease.acquire(req("c", at(2)))).toMatchObject({ ok: false });
      expect(store.lease.acquire(req("c", at(2), { replaceHolder: "b" }))).toEqual({
        ok: true,
        epoch: 3,
      });
    });

    it("frees the lease on release but keeps counting epochs", () => {
      store.lease.acquire(req("a", T0));
      store.lease.release("delivery", "a", 1);
      expect(store.lease.acquire(req("b", T0))).toEqual({ ok: true, epoch: 2 });
      expect(store.lease.get("delivery")).toMatchObject({ holder: "b", epoch: 2 });
    });
  });

  describe("kv and transactions", () => {
    it("gets, sets and deletes values", () => {
      expect(store.kv.get("commands:telegram")).toBeUndefined();
      store.kv.set("commands:telegram", "hash-1");
      store.kv.set("commands:telegram", "hash-2");
      expect(store.kv.get("commands:telegram")).toBe("hash-2");
      store.kv.delete("commands:telegram");
      expect(store.kv.get("commands:telegram")).toBeUndefined();
    });

    it("returns the transaction's value and supports nesting", () => {
      const result = store.transaction(() => {
        store.kv.set("a", "1");
        return store.transaction(() => store.kv.get("a"));
      });
      expect(result).toBe("1");
    });
  });
});
