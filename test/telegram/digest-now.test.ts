import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../src/adapters/telegram/index.js";
import {
  createBotBackend,
  createDeliveryEngine,
  type DeliveryEngine,
} from "../../src/delivery/index.js";
import { fixedClock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/logger.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import { makeCard } from "../fixtures/cards.js";
import { alice, startHarness, type Harness } from "./harness.js";

const NOW = new Date("2024-03-01T07:30:00Z");
const SLOT = new Date("2024-03-01T08:00:00Z");
const CHAT = alice.id;

let h: Harness;
let store: Store;
let clock: ReturnType<typeof fixedClock>;
let engine: DeliveryEngine | undefined;

beforeEach(async () => {
  store = createMemoryStore();
  clock = fixedClock(NOW);
  h = await startHarness({ backend: createBotBackend({ store, clock }) });
});
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  await h.close();
});

const titles = (text: string) =>
  [...text.matchAll(/Headline number (\d+)/g)].map((m) => Number(m[1]));
const onlySub = async () => (await store.subscriptions.list())[0]!;

/** The scheduled slot, queued and sent by the real engine through a Telegram channel. */
async function deliverScheduled() {
  const channel = createTelegramChannel({
    token: h.tg.token,
    apiRoot: h.tg.apiRoot,
    logger: silentLogger,
  });
  engine = createDeliveryEngine({
    store,
    channels: [channel],
    clock,
    logger: silentLogger,
    onFatal: () => {},
  });
  const before = h.tg.messagesTo(CHAT).length;
  expect(await engine.enqueue(await onlySub(), SLOT)).toMatchObject({ status: "enqueued" });
  engine.start();
  return h.tg.waitFor(() => h.tg.messagesTo(CHAT).slice(before)[0]);
}

describe("/digest", () => {
  it("sends the next digest now and the scheduled one still comes complete", async () => {
    for (const i of [1, 2, 3])
      await store.cards.upsert(makeCard(i), new Date(NOW.getTime() - i * 60_000));
    await h.ask(CHAT, alice, "/subscribe 0 8 * * * UTC 3");
    const [early] = await h.ask(CHAT, alice, "/digest");
    const lines = early!.text.split("\n");
    expect(lines[0]).toBe("Your 08:00 digest, sent early · Friday, 1 March 2024 · 3 stories");
    expect(titles(early!.text)).toEqual([1, 2, 3]);
    expect(lines.at(-2)).toBe("The scheduled 08:00 digest still brings these stories.");

    const scheduled = await deliverScheduled();
    expect(scheduled.text.split("\n")[0]).toBe(
      "Your 08:00 digest · Friday, 1 March 2024 · 3 stories",
    );
    expect(titles(scheduled.text)).toEqual([1, 2, 3]);
  });

  it("answers at most once a minute per chat, saying when to ask again", async () => {
    await store.cards.upsert(makeCard(1), NOW);
    await h.ask(CHAT, alice, "/subscribe 0 8 * * * UTC");
    await h.ask(CHAT, alice, "/digest");
    clock.set(new Date(NOW.getTime() + 20_000));
    const [again] = await h.ask(CHAT, alice, "/digest");
    expect(again!.text).toBe("One digest a minute, please: try again in 40 s.");
    clock.set(new Date(NOW.getTime() + 60_000));
    const [later] = await h.ask(CHAT, alice, "/digest");
    expect(titles(later!.text)).toEqual([1]);
  });

  it("says so when the chat has no subscription, an unknown id, or nothing new", async () => {
    const [none] = await h.ask(CHAT, alice, "/digest");
    expect(none!.text).toMatch(/^This chat has no digest yet\. Set one up with \/subscribe/);
    await h.ask(CHAT, alice, "/subscribe 0 8 * * * UTC");
    const [unknown] = await h.ask(CHAT, alice, "/digest zzzzzz");
    expect(unknown!.text).toBe("This chat has no subscription zzzzzz. See /subscriptions.");
    const [empty] = await h.ask(CHAT, alice, "/digest");
    expect(empty!.text).toBe(
      `Nothing new for ${(await onlySub()).id} yet: its next digest has no stories so far.`,
    );
  });
});

describe("formats", () => {
  it("sets brief at /subscribe and switches to headlines with /format", async () => {
    await store.cards.upsert(
      makeCard(1, { url: "https://news.example/one", publisher: "Example News" }),
      NOW,
    );
    await store.cards.upsert(makeCard(2), new Date(NOW.getTime() - 60_000));
    const [subscribed] = await h.ask(CHAT, alice, "/subscribe 0 8 * * * UTC 2 format:brief");
    const id = (await onlySub()).id;
    expect(subscribed!.text).toBe(
      `Subscribed: ${id} — daily 08:00 UTC, 2 cards, brief. Remove it with /unsubscribe ${id}`,
    );
    const [brief] = await h.ask(CHAT, alice, "/digest");
    expect(brief!.text).toContain("Headline number 1 about the budget\nSummary sentence 1");
    expect(brief!.text).toContain("Example News · Read the article · ID");
    expect(brief!.text).not.toContain("Fact one");

    const [changed] = await h.ask(CHAT, alice, `/format ${id} headlines`);
    expect(changed!.text).toBe(`Format changed: ${id} — daily 08:00 UTC, 2 cards, headlines`);
    clock.set(new Date(NOW.getTime() + 60_000));
    const [headlines] = await h.ask(CHAT, alice, "/digest");
    expect(headlines!.text.split("\n").slice(1, 4)).toEqual([
      "",
      "• Headline number 1 about the budget — Example News",
      "• Headline number 2 about the budget · abc000000002",
    ]);
    expect(headlines!.entities).toContainEqual(
      expect.objectContaining({ type: "text_link", url: "https://news.example/one" }),
    );
    const scheduled = await deliverScheduled();
    expect(scheduled.text).toContain(
      "• Headline number 1 about the budget — Example News\n• Headline",
    );
  });

  it("refuses an unknown format, at /subscribe and at /format", async () => {
    const [bad] = await h.ask(CHAT, alice, "/subscribe 0 8 * * * UTC format:short");
    expect(bad!.text).toMatch(/^Can't subscribe: the format is full \(cards\), brief/);
    await h.ask(CHAT, alice, "/subscribe 0 8 * * * UTC");
    const [wrong] = await h.ask(CHAT, alice, `/format ${(await onlySub()).id} tiny`);
    expect(wrong!.text).toMatch(
      /^Can't change the format: format must be one of full, brief, headlines/,
    );
    const [missing] = await h.ask(CHAT, alice, "/format zzzzzz brief");
    expect(missing!.text).toMatch(/^Can't change the format: no such subscription in this chat/);
  });
});

describe("per-source and phrase filters", () => {
  beforeEach(async () => {
    for (const url of ["https://a.example/rss", "https://b.example/feed"]) {
      await store.sources.add(
        { id: `feed:${url}`, url, kind: "feed", title: null, addedBy: null },
        NOW,
      );
    }
    await store.cards.upsert(makeCard(1, { sourceId: "feed:https://a.example/rss" }), NOW);
    await store.cards.upsert(
      makeCard(2, {
        sourceId: "feed:https://b.example/feed",
        summary: "The central bank held rates.",
      }),
      NOW,
    );
    await store.cards.upsert(
      makeCard(3, {
        sourceId: "feed:https://b.example/feed",
        summary: "A bank in the central square.",
      }),
      NOW,
    );
  });

  it("limits a subscription to some of the chat's sources and shows them in /subscriptions", async () => {
    const [ok] = await h.ask(CHAT, alice, "/subscribe 0 8 * * * UTC source:2");
    expect(ok!.text).toMatch(/, from b\.example\. Remove it/);
    const [digest] = await h.ask(CHAT, alice, "/digest");
    expect(titles(digest!.text).sort()).toEqual([2, 3]);
    const [list] = await h.ask(CHAT, alice, "/subscriptions");
    expect(list!.text).toContain("5 cards, from b.example");
    const [bad] = await h.ask(CHAT, alice, "/subscribe 0 9 * * * UTC source:7");
    expect(bad!.text).toMatch(
      /^Can't subscribe: no source "7" in this chat; use a number or host from \/sources/,
    );
  });

  it("keeps a quoted phrase together, matching what /search finds", async () => {
    await h.ask(CHAT, alice, '/subscribe 0 8 * * * UTC +"central bank" source:b.example');
    const [digest] = await h.ask(CHAT, alice, "/digest");
    const [search] = await h.ask(CHAT, alice, '/search "central bank"');
    expect(titles(digest!.text)).toEqual([2]);
    expect(titles(search!.text)).toEqual([2]);
  });
});
