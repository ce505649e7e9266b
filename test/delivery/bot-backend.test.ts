import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createBotBackend,
  type BotBackend,
  type NewSubscription,
} from "../../src/delivery/index.js";
import { fixedClock } from "../../src/lib/clock.js";
import type { Store } from "../../src/store/index.js";
import { makeCard } from "../fixtures/cards.js";
import { implementations, ledgerRows, type StoreHandle } from "../store/store-kit.js";

const NOW = new Date("2024-03-01T08:00:00.000Z");
const chat = { platform: "telegram" as const, chatId: "42" };
const input = (overrides: Partial<NewSubscription> = {}): NewSubscription => ({
  target: { ...chat, threadId: null },
  cron: "0 8 * * *",
  createdBy: "user-1",
  ...overrides,
});

describe.each(implementations)("createBotBackend (%s store)", (_name, open) => {
  let handle: StoreHandle;
  let store: Store;
  let backend: BotBackend;
  let changes: number;

  beforeEach(async () => {
    handle = await open();
    store = handle.store;
    changes = 0;
    backend = createBotBackend({
      store,
      clock: fixedClock(NOW),
      changes: { publish: () => void changes++, subscribe: () => () => {} },
    });
  });
  afterEach(async () => {
    await handle.close();
  });

  it("answers card commands from the stored cards", async () => {
    for (let i = 1; i <= 3; i++) await store.cards.upsert(makeCard(i), NOW);
    expect(await backend.latest({ limit: 2, offset: 0 })).toMatchObject({ total: 3 });
    expect((await backend.latest({ limit: 2, offset: 0 })).cards).toHaveLength(2);
    expect(await backend.card(makeCard(2).id)).toEqual(makeCard(2));
    expect(await backend.search('"card 3"', { limit: 5, offset: 0 })).toEqual({
      cards: [makeCard(3)],
      total: 1,
    });
    expect(await backend.suggest(makeCard(1).id, 5)).toEqual([
      { id: makeCard(1).id, title: makeCard(1).title },
    ]);
  });

  it("subscribes with defaults, normalised keywords and a fresh short id, then refreshes the scheduler", async () => {
    const result = await backend.subscribe(
      input({ cron: " 30  7 * * 1-5 ", timezone: "Europe/Berlin", include: [" Tax", "tax", ""] }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.subscription).toMatchObject({
      cron: "30 7 * * 1-5",
      timezone: "Europe/Berlin",
      count: 5,
      include: ["tax"],
      createdAt: NOW.toISOString(),
    });
    expect(await backend.subscriptions(chat)).toEqual([result.subscription]);
    expect(changes).toBe(1);
  });

  it.each([
    [{ cron: "every day" }, /cron/],
    [{ cron: "* * * * * *" }, /cron/],
    [{ timezone: "Mars/Olympus" }, /not a known time zone/],
    [{ timezone: "+05:00" }, /offset/],
    [{ count: 0 }, /count must be a whole number from 1 to 10/],
    [{ count: 11 }, /count must be/],
    [{ count: 2.5 }, /count must be/],
    [{ include: ["tax"], exclude: ["TAX"] }, /both included and excluded/],
  ])("refuses %o with one line the user can act on", async (overrides, message) => {
    const result = await backend.subscribe(input(overrides as Partial<NewSubscription>));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(message);
    expect(result.error).not.toContain("\n");
    expect(changes).toBe(0);
  });

  it("refuses an exact duplicate and caps subscriptions per chat", async () => {
    const first = await backend.subscribe(input());
    expect(await backend.subscribe(input())).toEqual({
      ok: false,
      error: `this chat already has that subscription (${first.ok ? first.subscription.id : ""})`,
    });
    const capped = createBotBackend({ store, clock: fixedClock(NOW), maxPerChat: 1 });
    expect(await capped.subscribe(input({ cron: "0 9 * * *" }))).toMatchObject({
      ok: false,
      error: /already has 1 subscriptions/,
    });
  });

  it("unsubscribes one by id or all of a chat, cancels their queued digests and never touches other chats", async () => {
    const a = await backend.subscribe(input());
    const b = await backend.subscribe(input({ cron: "0 20 * * *" }));
    const other = await backend.subscribe(
      input({ target: { platform: "telegram", chatId: "7", threadId: null } }),
    );
    if (!a.ok || !b.ok || !other.ok) throw new Error("setup failed");
    await store.ledger.insert(ledgerRows(a.subscription.id, NOW.toISOString(), 1), NOW);

    expect(await backend.unsubscribe(chat, other.subscription.id)).toEqual([]);
    expect(
      (await backend.unsubscribe(chat, a.subscription.id.toUpperCase())).map((s) => s.id),
    ).toEqual([a.subscription.id]);
    expect(await store.ledger.counts({ subscriptionId: a.subscription.id })).toMatchObject({
      failed: 1,
      pending: 0,
    });
    expect((await backend.unsubscribe(chat)).map((s) => s.id)).toEqual([b.subscription.id]);
    expect(await backend.subscriptions(chat)).toEqual([]);
    expect(await backend.subscriptions({ platform: "telegram", chatId: "7" })).toHaveLength(1);
    expect(changes).toBe(5);
  });

  it("/digest shows the soonest digest's cards, marks nothing received and answers once a minute", async () => {
    for (let i = 1; i <= 3; i++) await store.cards.upsert(makeCard(i), NOW);
    const late = await backend.subscribe(input({ cron: "0 20 * * *", count: 1 }));
    const soon = await backend.subscribe(input({ cron: "30 8 * * *", count: 2 }));
    if (!late.ok || !soon.ok) throw new Error("setup failed");
    const result = await backend.digestNow(chat);
    expect(result).toMatchObject({
      ok: true,
      subscription: { id: soon.subscription.id },
      slot: new Date("2024-03-01T08:30:00.000Z"),
    });
    expect(result.ok && result.cards).toHaveLength(2);
    expect(await store.received.list({ ...chat, threadId: null })).toEqual([]);
    expect(await backend.digestNow(chat, late.subscription.id)).toEqual({
      ok: false,
      reason: "too_soon",
      retryInSeconds: 60,
    });
    const other = createBotBackend({ store, clock: fixedClock(new Date(NOW.getTime() + 60_000)) });
    expect(await other.digestNow(chat, late.subscription.id)).toMatchObject({
      ok: true,
      subscription: { id: late.subscription.id },
    });
    expect(await other.digestNow(chat, "nope00")).toEqual({ ok: false, reason: "not_found" });
  });

  it("changes a subscription's format only in its own chat", async () => {
    const sub = await backend.subscribe(input());
    if (!sub.ok) throw new Error("setup failed");
    const elsewhere = { platform: "telegram" as const, chatId: "7" };
    expect(await backend.setFormat(elsewhere, sub.subscription.id, "brief")).toMatchObject({
      ok: false,
    });
    expect(await backend.setFormat(chat, sub.subscription.id, "Brief")).toMatchObject({
      ok: true,
      subscription: { format: "brief" },
    });
    expect(await backend.setFormat(chat, sub.subscription.id, "short")).toEqual({
      ok: false,
      error: "format must be one of full, brief, headlines",
    });
  });
});
