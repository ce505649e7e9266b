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
  beforeEach(async () => {
    handle = await open();
    store = handle.store;
  });
  afterEach(async () => {
    await handle.close();
  });

  describe("cards", () => {
    it("keeps one card per source item, its id and arrival kept when the text changes", async () => {
      expect(await store.cards.upsert(makeCard(1), at(0))).toBe("inserted");
      expect(await store.cards.upsert(makeCard(1), at(1))).toBe("unchanged");
      const changed = makeCard(1, { summary: "A corrected summary.", contentHash: "0123456789ab" });
      expect(await store.cards.upsert(changed, at(2))).toBe("replaced");
      expect(await store.cards.count()).toBe(1);
      expect(await store.cards.get(changed.id)).toEqual(changed);
      expect(await store.cards.items("dir:articles")).toEqual([
        { key: "article-1.txt", id: changed.id },
      ]);
      // Arrival is the item's first: an edit does not make it news again.
      const target = { platform: "telegram" as const, chatId: "c1", threadId: null };
      const page = { arrivedSince: at(1).toISOString(), limit: 5, offset: 0 };
      expect(await store.cards.unreceived(target, page)).toEqual([]);
    });

    it("never lets two sources' items collide", async () => {
      await store.cards.upsert(makeCard(1), at(0));
      await store.cards.upsert(makeCard(2, { sourceId: "feed:x", key: "article-1.txt" }), at(0));
      expect(await store.cards.count()).toBe(2);
      expect(await store.cards.items("feed:x")).toEqual([
        { key: "article-1.txt", id: makeCard(2).id },
      ]);
    });

    it("removes a card by its source item", async () => {
      await store.cards.upsert(makeCard(1), at(0));
      expect(await store.cards.removeItem("dir:articles", "article-1.txt")).toBe(true);
      expect(await store.cards.removeItem("dir:articles", "article-1.txt")).toBe(false);
      expect(await store.cards.count()).toBe(0);
    });

    it("lists the newest arrival first whatever the article's date, ties by insertion", async () => {
      await store.cards.upsert(makeCard(1, { date: "2024-01-05" }), at(0));
      await store.cards.upsert(makeCard(2, { date: null }), at(1));
      await store.cards.upsert(makeCard(3, { date: "2024-01-09" }), at(2));
      await store.cards.upsert(makeCard(4, { date: "2020-01-05" }), at(3));
      await store.cards.upsert(makeCard(5, { date: null }), at(3));
      const ids = async (limit: number, offset: number) =>
        (await store.cards.latest({ limit, offset })).map((c) => c.source);
      expect(await ids(10, 0)).toEqual([
        "article-5.txt",
        "article-4.txt",
        "article-3.txt",
        "article-2.txt",
        "article-1.txt",
      ]);
      expect(await ids(2, 1)).toEqual(["article-4.txt", "article-3.txt"]);
      const digest = await store.cards.unreceived(target("c1"), { limit: 10, offset: 0 });
      expect(digest.map((c) => c.source)).toEqual(await ids(10, 0));
    });

    it("finds a card by id or by a unique prefix of at least 4 characters", async () => {
      const a = makeCard(1, { id: "abcd11110000" });
      const b = makeCard(2, { id: "abcd22220000" });
      await store.cards.upsert(a, at(0));
      await store.cards.upsert(b, at(0));
      expect(await store.cards.get("abcd11110000")).toEqual(a);
      expect(await store.cards.get("ABCD2")).toEqual(b);
      expect(await store.cards.get("abcd")).toBeUndefined(); // ambiguous
      expect(await store.cards.get("abc")).toBeUndefined(); // too short
      expect(await store.cards.get("zz*")).toBeUndefined();
    });

    it("searches every word case-insensitively over title, summary, facts and tags", async () => {
      await store.cards.upsert(
        makeCard(1, { title: "Budget grows in Astana", tags: ["economy"] }),
        at(0),
      );
      await store.cards.upsert(
        makeCard(2, { title: "Floods in the north", tags: ["weather"] }),
        at(1),
      );
      expect((await store.cards.search("BUDGET astana", 10)).map((c) => c.source)).toEqual([
        "article-1.txt",
      ]);
      expect((await store.cards.search("weather", 10)).map((c) => c.source)).toEqual([
        "article-2.txt",
      ]);
      expect(await store.cards.search("officers", 10)).toHaveLength(2); // in the facts
      expect(await store.cards.search("budget weather", 10)).toEqual([]);
      expect(await store.cards.search("   ", 10)).toEqual([]);
      expect(await store.cards.search("officers", 1)).toHaveLength(1);
    });

    it("searches whole words with simple stemming, not substrings", async () => {
      await store.cards.upsert(makeCard(1, { title: "New software released", tags: [] }), at(0));
      await store.cards.upsert(makeCard(2, { title: "Storm warnings issued", tags: [] }), at(1));
      await store.cards.upsert(makeCard(3, { title: "The wars of the north", tags: [] }), at(2));
      await store.cards.upsert(makeCard(4, { title: "Taxes rise", tags: ["budgeting"] }), at(3));
      const sources = async (query: string) =>
        (await store.cards.search(query, 10)).map((c) => c.source);
      expect(await sources("war")).toEqual(["article-3.txt"]);
      expect(await sources("tax")).toEqual(["article-4.txt"]);
      expect(await sources("budget")).toEqual(["article-4.txt"]);
      expect(await sources("warning")).toEqual(["article-2.txt"]);
    });

    it("keeps a quoted phrase together and ranks title hits, then more hits, first", async () => {
      const bank = (i: number, title: string, summary: string) =>
        makeCard(i, { title, summary, tags: [] });
      await store.cards.upsert(
        bank(1, "Markets calm", "The central bank met; the bank held."),
        at(0),
      );
      await store.cards.upsert(bank(2, "Central bank raises rates", "Rates go up."), at(1));
      await store.cards.upsert(bank(3, "Markets calm", "The central bank met."), at(2));
      await store.cards.upsert(bank(4, "Bank of the river", "Central heating fails."), at(3));
      const sources = async (query: string) =>
        (await store.cards.search(query, 10)).map((c) => c.source);
      expect(await sources('"central bank"')).toEqual([
        "article-2.txt",
        "article-3.txt",
        "article-1.txt",
      ]);
      expect(await sources("central bank")).toEqual([
        "article-2.txt",
        "article-4.txt",
        "article-1.txt",
        "article-3.txt",
      ]);
    });

    it("suggests ids: id prefix first, then title prefix, then title substring", async () => {
      await store.cards.upsert(
        makeCard(1, { id: "aaaa00000001", title: "Rail strike ends" }),
        at(0),
      );
      await store.cards.upsert(
        makeCard(2, { id: "bbbb00000002", title: "Strike in the port" }),
        at(1),
      );
      await store.cards.upsert(makeCard(3, { id: "5712aa000003", title: "Weather" }), at(2));
      expect((await store.cards.suggest("strike", 10)).map((s) => s.id)).toEqual([
        "bbbb00000002",
        "aaaa00000001",
      ]);
      expect(await store.cards.suggest("57", 10)).toEqual([
        { id: "5712aa000003", title: "Weather" },
      ]);
      expect(await store.cards.suggest("", 2)).toHaveLength(2);
    });

    it("lists the cards a target has not received, optionally only recent arrivals", async () => {
      for (let i = 1; i <= 4; i++) await store.cards.upsert(makeCard(i, { date: null }), at(i));
      await store.received.mark(target("c1"), [makeCard(4).id], "s1", at(5));
      const sources = async (arrivedSince?: string, threadId: string | null = null) =>
        (
          await store.cards.unreceived(target("c1", threadId), {
            arrivedSince,
            limit: 10,
            offset: 0,
          })
        ).map((c) => c.source);
      expect(await sources()).toEqual(["article-3.txt", "article-2.txt", "article-1.txt"]);
      expect(await sources(at(2).toISOString())).toEqual(["article-3.txt", "article-2.txt"]);
      expect(await sources(undefined, "topic-9")).toHaveLength(4); // a forum topic is its own place
    });
  });

  describe("subscriptions", () => {
    it("creates subscriptions with defaults and short human-typeable ids", async () => {
      const sub = await store.subscriptions.create(newSub("c1"), T0);
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
      expect(await store.subscriptions.get(sub.id)).toEqual(sub);
    });

    it("gives every subscription a distinct id", async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 200; i++) {
        ids.add((await store.subscriptions.create(newSub(`c${i}`), T0)).id);
      }
      expect(ids.size).toBe(200);
    });

    it("refuses invalid input with a StoreError", async () => {
      await expect(store.subscriptions.create(newSub("c1", { count: 99 }), T0)).rejects.toThrow(
        /invalid subscription/,
      );
    });

    it("lists by chat, lists active ones, removes one", async () => {
      const a = await store.subscriptions.create(newSub("c1"), at(0));
      const b = await store.subscriptions.create(
        newSub("c1", { target: target("c1", "t") }),
        at(1),
      );
      const c = await store.subscriptions.create(newSub("c2"), at(2));
      expect(
        (await store.subscriptions.listByChat({ platform: "telegram", chatId: "c1" })).map(
          (s) => s.id,
        ),
      ).toEqual([a.id, b.id]);
      expect(await store.subscriptions.listByChat({ platform: "discord", chatId: "c1" })).toEqual(
        [],
      );
      await store.subscriptions.deactivate(b.id);
      expect((await store.subscriptions.listActive()).map((s) => s.id)).toEqual([a.id, c.id]);
      expect((await store.subscriptions.remove(a.id))?.id).toBe(a.id);
      expect(await store.subscriptions.remove(a.id)).toBeUndefined();
      expect((await store.subscriptions.list()).map((s) => s.id)).toEqual([b.id, c.id]);
    });

    it("records fired slots, failures and successes", async () => {
      const sub = await store.subscriptions.create(newSub("c1"), T0);
      await store.subscriptions.markFired(sub.id, at(60).toISOString());
      expect(await store.subscriptions.recordFailure(sub.id)).toBe(1);
      expect(await store.subscriptions.recordFailure(sub.id)).toBe(2);
      expect(await store.subscriptions.get(sub.id)).toMatchObject({
        lastSlot: at(60).toISOString(),
        consecutiveFailures: 2,
      });
      await store.subscriptions.recordSuccess(sub.id);
      expect((await store.subscriptions.get(sub.id))?.consecutiveFailures).toBe(0);
      expect(await store.subscriptions.recordFailure("missing")).toBe(0);
    });

    it("stores a digest format and a choice of sources, full and all by default", async () => {
      const plain = await store.subscriptions.create(newSub("c1"), T0);
      expect(plain).toMatchObject({ format: "full", sourceIds: [] });
      const sub = await store.subscriptions.create(
        newSub("c1", { format: "brief", sourceIds: ["feed:https://a.example/rss", "dir:seeds"] }),
        T0,
      );
      expect(await store.subscriptions.get(sub.id)).toMatchObject({
        format: "brief",
        sourceIds: ["feed:https://a.example/rss", "dir:seeds"],
      });
      const changed = await store.subscriptions.setFormat(sub.id, "headlines");
      expect(changed).toEqual({ ...sub, format: "headlines" });
      expect(await store.subscriptions.get(sub.id)).toEqual(changed);
      expect((await store.subscriptions.get(plain.id))?.format).toBe("full");
      expect(await store.subscriptions.setFormat("missing", "brief")).toBeUndefined();
    });

    it("moves every subscription of a migrated chat", async () => {
      await store.subscriptions.create(newSub("-100"), T0);
      await store.subscriptions.create(newSub("-100"), T0);
      expect(await store.subscriptions.moveChat("telegram", "-100", "-100999")).toBe(2);
      expect(
        await store.subscriptions.listByChat({ platform: "telegram", chatId: "-100999" }),
      ).toHaveLength(2);
    });

    it("satisfies the scheduler's ScheduleStore", async () => {
      const scheduleStore: ScheduleStore = store.subscriptions;
      expect(await scheduleStore.listActive()).toEqual([]);
    });
  });

  describe("received", () => {
    it("remembers what each target received and follows a chat migration", async () => {
      await store.received.mark(target("c1"), ["aaa", "bbb"], "s1", T0);
      await store.received.mark(target("c1"), ["bbb"], "s2", T0);
      expect(await store.received.has(target("c1"), "aaa")).toBe(true);
      expect(await store.received.has(target("c1", "topic"), "aaa")).toBe(false);
      expect(await store.received.list(target("c1"))).toEqual(["aaa", "bbb"]);
      await store.received.mark(target("c9"), ["bbb"], "s1", T0);
      await store.received.moveChat("telegram", "c1", "c9");
      expect(await store.received.list(target("c9"))).toEqual(["aaa", "bbb"]);
      expect(await store.received.list(target("c1"))).toEqual([]);
    });
  });

  describe("sources", () => {
    const chat = (chatId: string) => ({ platform: "telegram" as const, chatId });
    const feed = (url: string, addedBy: ReturnType<typeof chat> | null = null) => ({
      id: `feed:${url}`,
      url,
      kind: "feed" as const,
      title: null,
      addedBy,
    });

    it("adds a source once, keeps its state and title, and lists oldest first", async () => {
      const first = await store.sources.add(feed("https://a.example/rss", chat("c1")), T0);
      expect(first.created).toBe(true);
      expect(first.source).toMatchObject({ active: true, addedBy: chat("c1") });
      expect(first.source.state).toMatchObject({ url: "https://a.example/rss", seen: {} });
      expect((await store.sources.add(feed("https://a.example/rss"), at(1))).created).toBe(false);
      await store.sources.add(feed("https://b.example/rss"), at(2));
      const state = { ...first.source.state, failures: 2, seen: { k1: "h1" } };
      expect(await store.sources.saveState(first.source.id, state, "A feed")).toBe(true);
      expect(await store.sources.setActive(first.source.id, false)).toBe(true);
      const listed = await store.sources.list();
      expect(listed.map((s) => s.url)).toEqual(["https://a.example/rss", "https://b.example/rss"]);
      expect(listed[0]).toMatchObject({ title: "A feed", active: false, state });
      expect(listed[1]?.addedBy).toBeNull();
      expect(await store.sources.saveState("feed:none", state)).toBe(false);
    });

    it("links chats to sources and forgets the links with the source", async () => {
      const a = (await store.sources.add(feed("https://a.example/rss"), T0)).source;
      const b = (await store.sources.add(feed("https://b.example/rss"), T0)).source;
      expect(await store.sources.link(chat("c1"), b.id, T0)).toBe(true);
      expect(await store.sources.link(chat("c1"), a.id, at(1))).toBe(true);
      expect(await store.sources.link(chat("c1"), a.id, at(2))).toBe(false);
      await store.sources.link(chat("c2"), a.id, at(3));
      expect((await store.sources.forChat(chat("c1"))).map((s) => s.id)).toEqual([b.id, a.id]);
      expect(await store.sources.chatsOf(a.id)).toEqual([chat("c1"), chat("c2")]);
      expect(await store.sources.unlink(chat("c1"), b.id)).toBe(true);
      expect(await store.sources.remove(a.id)).toBe(true);
      expect(await store.sources.forChat(chat("c1"))).toEqual([]);
      expect(await store.sources.chatsOf(a.id)).toEqual([]);
      expect(await store.sources.get(a.id)).toBeUndefined();
    });

    it("retains a source's cards by age and filters unreceived cards by source", async () => {
      await store.cards.upsert(makeCard(1, { sourceId: "feed:x" }), at(0));
      await store.cards.upsert(makeCard(2, { sourceId: "feed:x" }), at(10));
      await store.cards.upsert(makeCard(3), at(0));
      expect(await store.cards.retainCards("feed:x", at(5))).toBe(1);
      expect((await store.cards.items("feed:x")).map((i) => i.id)).toEqual([makeCard(2).id]);
      const page = { sourceIds: ["dir:articles"], limit: 10, offset: 0 };
      const left = await store.cards.unreceived(target("c1"), page);
      expect(left.map((c) => c.id)).toEqual([makeCard(3).id]);
    });
  });

  describe("ledger", () => {
    const slot = at(60).toISOString();

    it("inserts one row per (subscription, slot, part) and ignores repeats", async () => {
      expect(await store.ledger.insert(ledgerRows("s1", slot, 2), T0)).toBe(2);
      expect(await store.ledger.insert(ledgerRows("s1", slot, 3), T0)).toBe(1);
      expect(await store.ledger.hasSlot("s1", slot)).toBe(true);
      expect(await store.ledger.hasSlot("s1", at(61).toISOString())).toBe(false);
      expect(await store.ledger.hasAny("s1")).toBe(true);
      expect(await store.ledger.hasAny("s2")).toBe(false);
      expect(await store.ledger.counts()).toMatchObject({ pending: 3, total: 3 });
      expect(await store.ledger.get(`s1.${Date.parse(slot).toString(36)}.0`)).toMatchObject({
        status: "pending",
        attempts: 0,
        payload: { text: "part 0" },
        nextAttemptAt: T0.toISOString(),
      });
    });

    it("hands out due rows with each digest's parts in order", async () => {
      const rows = ledgerRows("s1", slot, 2);
      await store.ledger.insert(rows, T0);
      await store.ledger.insert(ledgerRows("s2", slot, 1, "chat-2"), T0);
      const [p0, p1] = rows.map((r) => r.id) as [string, string];
      expect((await store.ledger.due(T0, 10)).map((r) => r.id)).not.toContain(p1);
      expect(await store.ledger.claim(p0, 1, T0)).toBe(true);
      expect((await store.ledger.due(T0, 10)).map((r) => r.id)).not.toContain(p1); // part 0 still sending
      expect(await store.ledger.settle(p0, 1, "sent", null, at(1))).toBe(true);
      expect((await store.ledger.due(at(1), 10)).map((r) => r.id)).toContain(p1);
      expect(await store.ledger.due(at(1), 1)).toHaveLength(1);
    });

    it("holds a subscription's later digest until its earlier one has settled", async () => {
      const later = new Date(Date.parse(slot) + 60_000).toISOString();
      const [first] = ledgerRows("s1", slot, 1);
      const [second] = ledgerRows("s1", later, 1);
      await store.ledger.insert([first!, second!], T0);
      expect((await store.ledger.due(T0, 10)).map((r) => r.id)).toEqual([first!.id]);
      expect(await store.ledger.claim(first!.id, 1, T0)).toBe(true);
      expect(await store.ledger.due(T0, 10)).toEqual([]);
      expect(await store.ledger.settle(first!.id, 1, "sent", null, at(1))).toBe(true);
      expect((await store.ledger.due(at(1), 10)).map((r) => r.id)).toEqual([second!.id]);
    });

    it("fences transitions out of sending by the claiming epoch", async () => {
      const [row] = ledgerRows("s1", slot, 1);
      await store.ledger.insert([row!], T0);
      expect(await store.ledger.claim(row!.id, 7, T0)).toBe(true);
      expect(await store.ledger.claim(row!.id, 8, T0)).toBe(false);
      expect(await store.ledger.settle(row!.id, 6, "sent", null, T0)).toBe(false);
      const retry = { nextAttemptAt: at(5), error: "rate_limited: slow down" };
      expect(await store.ledger.release(row!.id, 7, retry, at(1))).toBe(true);
      expect(await store.ledger.get(row!.id)).toMatchObject({
        status: "pending",
        attempts: 1,
        nextAttemptAt: at(5).toISOString(),
        lastError: "rate_limited: slow down",
        claimedEpoch: 7,
        maybeDeliveredAt: null,
      });
      expect(await store.ledger.due(at(4), 10)).toEqual([]);
      expect(await store.ledger.nextDueAt()).toBe(at(5).toISOString());
      expect(await store.ledger.claim(row!.id, 7, at(5))).toBe(true);
      expect(await store.ledger.get(row!.id)).toMatchObject({
        attempts: 2,
        firstAttemptAt: T0.toISOString(),
      });
    });

    it("remembers the first attempt that may have been delivered", async () => {
      const [row] = ledgerRows("s1", slot, 1);
      await store.ledger.insert([row!], T0);
      await store.ledger.claim(row!.id, 1, at(1));
      await store.ledger.release(
        row!.id,
        1,
        { nextAttemptAt: at(2), error: "x", maybeDelivered: true },
        at(1),
      );
      await store.ledger.claim(row!.id, 1, at(2));
      await store.ledger.release(
        row!.id,
        1,
        { nextAttemptAt: at(3), error: "x", maybeDelivered: true },
        at(2),
      );
      expect((await store.ledger.get(row!.id))?.maybeDeliveredAt).toBe(at(1).toISOString());
    });

    it("defers, retargets and cancels pending rows; counts by status", async () => {
      await store.ledger.insert(ledgerRows("s1", slot, 2, "-100"), T0);
      await store.ledger.insert(ledgerRows("s2", slot, 1, "other"), T0);
      const [first] = await store.ledger.due(T0, 1);
      expect(await store.ledger.defer(first!.id, at(9), T0)).toBe(true);
      expect((await store.ledger.get(first!.id))?.nextAttemptAt).toBe(at(9).toISOString());
      expect(await store.ledger.retarget("telegram", "-100", "-200", T0)).toBe(2);
      expect(
        (await store.ledger.list({ subscriptionId: "s1" })).map((r) => r.target.chatId),
      ).toEqual(["-200", "-200"]);
      expect(await store.ledger.cancelPending({ subscriptionId: "s1" }, "unsubscribed", T0)).toBe(
        2,
      );
      expect(await store.ledger.counts()).toMatchObject({ pending: 1, failed: 2, total: 3 });
      expect((await store.ledger.counts({ subscriptionId: "s1", status: "failed" })).total).toBe(2);
      expect((await store.ledger.list({ status: "failed" }))[0]?.lastError).toBe("unsubscribed");
    });

    it("drops the rendered payload once a row is settled, keeping it while pending", async () => {
      const [sent, cancelled] = ledgerRows("s1", slot, 2);
      await store.ledger.insert([sent!, cancelled!], T0);
      expect(await store.ledger.claim(sent!.id, 1, T0)).toBe(true);
      expect((await store.ledger.get(sent!.id))?.payload).toEqual({ text: "part 0" });
      expect(await store.ledger.settle(sent!.id, 1, "sent", null, at(1))).toBe(true);
      expect((await store.ledger.get(sent!.id))?.payload).toEqual({});
      await store.ledger.cancelPending({ subscriptionId: "s1" }, "unsubscribed", at(1));
      expect((await store.ledger.get(cancelled!.id))?.payload).toEqual({});
    });

    it("prunes settled rows older than the cutoff, never a part of a slot still in flight", async () => {
      const settle = async (id: string, status: "sent" | "uncertain" | "failed", when: Date) => {
        expect(await store.ledger.claim(id, 1, when)).toBe(true);
        expect(await store.ledger.settle(id, 1, status, null, when)).toBe(true);
      };
      const later = at(120).toISOString();
      const done = ledgerRows("s1", slot, 2);
      const mixed = ledgerRows("s2", slot, 2, "chat-2");
      const recent = ledgerRows("s3", later, 1, "chat-3");
      await store.ledger.insert([...done, ...mixed, ...recent], T0);
      await settle(done[0]!.id, "sent", at(1));
      await settle(done[1]!.id, "uncertain", at(2));
      await settle(mixed[0]!.id, "sent", at(1)); // part 1 of s2 is still pending
      await settle(recent[0]!.id, "failed", at(500));
      await store.received.mark(
        { platform: "telegram", chatId: "chat-1", threadId: null },
        ["card-a"],
        "s1",
        at(1),
      );

      expect(await store.ledger.prune(at(100))).toBe(2);
      expect(await store.ledger.hasSlot("s1", slot)).toBe(false);
      expect(await store.ledger.hasAny("s1")).toBe(false);
      expect((await store.ledger.list({ subscriptionId: "s2" })).map((r) => r.status)).toEqual([
        "sent",
        "pending",
      ]);
      expect(await store.ledger.hasSlot("s3", later)).toBe(true);
      expect(
        await store.received.has(
          { platform: "telegram", chatId: "chat-1", threadId: null },
          "card-a",
        ),
      ).toBe(true);
      expect(await store.ledger.prune(at(100))).toBe(0);
      expect(await store.ledger.prune(at(1000))).toBe(1);
      expect(await store.ledger.counts()).toMatchObject({ pending: 1, sent: 1, total: 2 });
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

    it("lets one holder at a time in, with a higher epoch for each new holder", async () => {
      const a = await store.lease.acquire(req("a", T0));
      expect(a).toEqual({ ok: true, epoch: 1 });
      const b = await store.lease.acquire(req("b", at(0.5)));
      expect(b).toMatchObject({ ok: false, current: { holder: "a", epoch: 1 } });
      expect(await store.lease.holds("delivery", "a", 1, at(0.5))).toBe(true);
      expect(await store.lease.acquire(req("b", at(1)))).toEqual({ ok: true, epoch: 2 }); // expired
      expect(await store.lease.holds("delivery", "a", 1, at(1))).toBe(false);
      expect(await store.lease.renew({ ...req("a", at(1)), epoch: 1 })).toBe(false);
      expect(await store.lease.renew({ ...req("b", at(1.5)), epoch: 2 })).toBe(true);
      expect(await store.lease.acquire(req("c", at(2)))).toMatchObject({ ok: false });
      expect(await store.lease.acquire(req("c", at(2), { replaceHolder: "b" }))).toEqual({
        ok: true,
        epoch: 3,
      });
    });

    it("frees the lease on release but keeps counting epochs", async () => {
      await store.lease.acquire(req("a", T0));
      await store.lease.release("delivery", "a", 1);
      expect(await store.lease.acquire(req("b", T0))).toEqual({ ok: true, epoch: 2 });
      expect(await store.lease.get("delivery")).toMatchObject({ holder: "b", epoch: 2 });
    });
  });

  describe("processed updates", () => {
    it("lets exactly one claim of an update through, even when claimed at once", async () => {
      const claims = await Promise.all([
        store.updates.claim("telegram:7:41", T0),
        store.updates.claim("telegram:7:41", T0),
        store.updates.claim("telegram:7:42", T0),
      ]);
      expect(claims).toEqual([true, false, true]);
      expect(await store.updates.claim("telegram:7:41", at(5))).toBe(false);
    });

    it("forgets updates recorded before the cut-off, and only those", async () => {
      await store.updates.claim("telegram:7:1", T0);
      await store.updates.claim("telegram:7:2", at(10));
      expect(await store.updates.prune(at(10))).toBe(1);
      expect(await store.updates.claim("telegram:7:1", at(11))).toBe(true);
      expect(await store.updates.claim("telegram:7:2", at(11))).toBe(false);
    });
  });

  describe("settings", () => {
    const chat = { platform: "telegram" as const, chatId: "c1" };

    it("has no row for a chat until one is saved, then patches fields one by one", async () => {
      expect(await store.settings.get(chat)).toBeUndefined();
      const first = await store.settings.update(chat, { timezone: "Europe/Berlin" }, at(0));
      expect(first).toEqual({
        platform: "telegram",
        chatId: "c1",
        timezone: "Europe/Berlin",
        language: null,
        quietHours: null,
        updatedAt: at(0).toISOString(),
      });
      await store.settings.update(chat, { language: "de" }, at(1));
      await store.settings.update(chat, { quietHours: { start: "22:00", end: "07:00" } }, at(2));
      expect(await store.settings.get(chat)).toEqual({
        ...first,
        language: "de",
        quietHours: { start: "22:00", end: "07:00" },
        updatedAt: at(2).toISOString(),
      });
      // null clears a field; other chats and platforms are apart.
      await store.settings.update(chat, { quietHours: null }, at(3));
      expect((await store.settings.get(chat))?.quietHours).toBeNull();
      expect(await store.settings.get({ platform: "discord", chatId: "c1" })).toBeUndefined();
    });

    it("refuses an invalid value and keeps the stored row", async () => {
      await store.settings.update(chat, { language: "de" }, at(0));
      await expect(
        store.settings.update(chat, { quietHours: { start: "25:00", end: "07:00" } }, at(1)),
      ).rejects.toThrow();
      expect((await store.settings.get(chat))?.language).toBe("de");
    });

    it("moves a migrated chat's settings to its new id", async () => {
      await store.settings.update(chat, { language: "de" }, at(0));
      expect(await store.settings.moveChat("telegram", "c1", "c2")).toBe(1);
      expect(await store.settings.get(chat)).toBeUndefined();
      expect(await store.settings.get({ platform: "telegram", chatId: "c2" })).toMatchObject({
        chatId: "c2",
        language: "de",
      });
    });
  });

  describe("kv and transactions", () => {
    it("gets, sets and deletes values", async () => {
      expect(await store.kv.get("commands:telegram")).toBeUndefined();
      await store.kv.set("commands:telegram", "hash-1");
      await store.kv.set("commands:telegram", "hash-2");
      expect(await store.kv.get("commands:telegram")).toBe("hash-2");
      await store.kv.delete("commands:telegram");
      expect(await store.kv.get("commands:telegram")).toBeUndefined();
    });

    it("keeps another task's statements out of an open transaction", async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const order: string[] = [];
      const tx = store
        .transaction(async (t) => {
          await t.kv.set("inside", "1");
          await gate; // the other task runs while this transaction is open
          order.push("transaction ends");
          throw new Error("roll back");
        })
        .catch(() => undefined);
      const outside = store.kv.set("outside", "kept").then(() => order.push("outside write"));
      const read = store.kv.get("inside").then((v) => order.push(`outside read ${v}`));
      await new Promise((resolve) => setImmediate(resolve));
      open();
      await Promise.all([tx, outside, read]);
      // Embedded stores share one connection: without the guard the write would land inside the
      // transaction and be rolled back with it. Postgres runs it on another connection, isolated.
      if (store.kind !== "postgres") expect(order[0]).toBe("transaction ends");
      expect(await store.kv.get("outside")).toBe("kept");
      if (store.kind !== "memory") {
        expect(await store.kv.get("inside")).toBeUndefined();
        expect(order).toContain("outside read undefined");
      }
    });

    it("refuses the outer store inside a transaction instead of deadlocking", async () => {
      await expect(store.transaction(() => store.kv.get("a"))).rejects.toThrow(
        /must use the store it was given/,
      );
      // The store is usable afterwards.
      await store.kv.set("a", "1");
      expect(await store.kv.get("a")).toBe("1");
    });

    it("returns the transaction's value and supports nesting", async () => {
      const result = await store.transaction(async (tx) => {
        await tx.kv.set("a", "1");
        return tx.transaction((inner) => inner.kv.get("a"));
      });
      expect(result).toBe("1");
    });
  });
});
