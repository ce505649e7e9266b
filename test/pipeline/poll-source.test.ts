import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { composeDigest } from "../../src/delivery/index.js";
import { fixedClock } from "../../src/lib/clock.js";
import { createLogger } from "../../src/lib/logger.js";
import { createSourcePoller, type SourcePoller } from "../../src/pipeline/index.js";
import { createHttpClient, type HttpClient } from "../../src/sources/index.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import {
  createDynamicFeed,
  feedRoutes,
  newsEntry,
  startFakeHttpServer,
  type DynamicFeed,
  type FakeHttpServer,
} from "../fakes/http/index.js";

const T0 = "2025-06-10T12:00:00.000Z";
const chat = { platform: "telegram" as const, chatId: "c1" };
const logger = createLogger({ level: "silent" });

let server: FakeHttpServer;
let feed: DynamicFeed;
let http: HttpClient;
let store: Store;
let clock: ReturnType<typeof fixedClock>;
let notices: Array<{ chatId: string; text: string }>;

const poller = (extra: Partial<Parameters<typeof createSourcePoller>[0]> = {}): SourcePoller =>
  createSourcePoller({
    store,
    http,
    clock,
    logger,
    notify: async (to, text) => void notices.push({ chatId: to.chatId, text }),
    ...extra,
  });

async function addFeed(path: string, addedBy: typeof chat | null = chat) {
  const url = `${server.origin}${path}`;
  const { source } = await store.sources.add(
    { id: `feed:${url}`, url, kind: "feed", title: null, addedBy },
    clock.now(),
  );
  if (addedBy) await store.sources.link(addedBy, source.id, clock.now());
  return source.id;
}
const current = async (id: string) => (await store.sources.get(id))!;

beforeEach(async () => {
  feed = createDynamicFeed("City Wire", [newsEntry(1), newsEntry(2)]);
  server = await startFakeHttpServer({ ...feedRoutes(), "/news.xml": feed.route });
  http = createHttpClient({ allowAddresses: ["127.0.0.1"] });
  store = createMemoryStore();
  clock = fixedClock(T0);
  notices = [];
});
afterEach(async () => {
  await http.close();
  await server.close();
});

describe("polling a feed source", () => {
  it("turns a new feed's items into cards without sending them as news", async () => {
    const sub = await store.subscriptions.create(
      { target: { ...chat, threadId: null }, cron: "0 8 * * *", createdBy: "u" },
      new Date("2025-01-01T00:00:00Z"),
    );
    const id = await addFeed("/news.xml");
    const outcome = await poller().poll(await current(id));
    expect(outcome).toMatchObject({ ok: true, added: 2, replaced: 0 });
    const source = await current(id);
    expect(source.title).toBe("City Wire");
    expect(Object.keys(source.state.seen)).toEqual(["item-1", "item-2"]);
    expect(await composeDigest(store.cards, sub, { first: false })).toEqual([]);

    // Two items appear later: they, and only they, are news.
    feed.items.unshift(newsEntry(3), newsEntry(4));
    clock.set("2025-06-10T13:00:00.000Z");
    expect(await poller().poll(await current(id))).toMatchObject({ added: 2 });
    const digest = await composeDigest(store.cards, sub, { first: false });
    expect(digest.map((c) => c.key).sort()).toEqual(["item-3", "item-4"]);
  });

  it("does not summarize an unchanged item again, and updates a changed one in place", async () => {
    const id = await addFeed("/news.xml");
    await poller().poll(await current(id));
    const before = await store.cards.items(id);
    clock.set("2025-06-10T13:00:00.000Z");
    expect(await poller().poll(await current(id))).toMatchObject({ added: 0, replaced: 0 });
    feed.items[0] = newsEntry(1, " The vote was the largest in a decade.");
    clock.set("2025-06-10T14:00:00.000Z");
    expect(await poller().poll(await current(id))).toMatchObject({ added: 0, replaced: 1 });
    expect(await store.cards.items(id)).toEqual(before);
  });

  it("keeps the card of an item that scrolled off the feed", async () => {
    const id = await addFeed("/news.xml");
    await poller().poll(await current(id));
    feed.items.splice(1, 1);
    clock.set("2025-06-10T13:00:00.000Z");
    await poller().poll(await current(id));
    expect((await store.cards.items(id)).map((i) => i.key)).toEqual(["item-1", "item-2"]);
  });

  it("reads a teaser's linked page, or only the feed text with FETCH_ARTICLE_PAGES=never", async () => {
    const id = await addFeed("/teaser.xml");
    await poller({ fetchPages: "never" }).poll(await current(id));
    expect(server.requests.some((r) => r.path === "/articles/plan.html")).toBe(false);
    await store.cards.retainCards(id, new Date("2100-01-01"));
    await store.sources.saveState(id, { ...(await current(id)).state, seen: {}, nextPollAt: null });
    await poller().poll(await current(id));
    expect(server.requests.some((r) => r.path === "/articles/plan.html")).toBe(true);
    const [card] = await store.cards.latest({ limit: 1, offset: 0 });
    expect(JSON.stringify(card)).toContain("90 million");
  });

  it("disables a source failing longer than the limit and tells its chats once", async () => {
    const id = await addFeed("/news.xml");
    feed.failWith = 500;
    const day = 86_400_000;
    const p = poller({ disableAfterMs: 3 * day });
    expect(await p.poll(await current(id))).toMatchObject({ ok: false, disabled: false });
    clock.set(new Date(Date.parse(T0) + 3 * day + 1));
    expect(await p.poll(await current(id))).toMatchObject({ ok: false, disabled: true });
    const source = await current(id);
    expect(source.active).toBe(false);
    expect(source.state.lastError).toMatch(/HTTP 500/);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toMatch(/failed since 2025-06-10.*turned off/);
    await p.poll(await current(id));
    expect(notices).toHaveLength(1);
  });
});
