import { beforeEach, describe, expect, it } from "vitest";
import { composeDigest, matchesFilter } from "../../src/delivery/index.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import { makeCard } from "../fixtures/cards.js";
import { subscribeChats } from "./delivery-kit.js";

const T0 = new Date("2024-03-01T08:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe("composeDigest", () => {
  let store: Store;
  beforeEach(async () => {
    store = createMemoryStore();
  });

  it("takes the newest cards the target has not received, up to its count", async () => {
    for (let i = 1; i <= 8; i++)
      await store.cards.upsert(makeCard(i, { date: `2024-02-0${i}` }), at(-10));
    const [sub] = await subscribeChats(store, 1, T0, { count: 3 });
    await store.received.mark(sub!.target, [makeCard(8).id], "other", T0);
    const cards = await composeDigest(store.cards, sub!, { first: true });
    expect(cards.map((c) => c.source)).toEqual(["article-7.txt", "article-6.txt", "article-5.txt"]);
  });

  it("never lets the backlog trickle out after the first digest", async () => {
    for (let i = 1; i <= 8; i++) await store.cards.upsert(makeCard(i), at(-10));
    const [sub] = await subscribeChats(store, 1, T0, { count: 3 });
    const first = await composeDigest(store.cards, sub!, { first: true });
    expect(first).toHaveLength(3);
    await store.received.mark(
      sub!.target,
      first.map((c) => c.id),
      sub!.id,
      T0,
    );
    expect(await composeDigest(store.cards, sub!, { first: false })).toEqual([]);
    await store.cards.upsert(makeCard(20), at(5));
    expect((await composeDigest(store.cards, sub!, { first: false })).map((c) => c.source)).toEqual(
      ["article-20.txt"],
    );
  });

  it("takes only the subscription's sources that the chat still reads", async () => {
    for (const [i, source] of ["feed:a", "feed:b", "feed:c"].entries()) {
      await store.cards.upsert(makeCard(i + 1, { sourceId: source }), T0);
    }
    const [sub] = await subscribeChats(store, 1, T0, { sourceIds: ["feed:b", "feed:c"] });
    const sources = async (chat: string[] | undefined) =>
      (await composeDigest(store.cards, sub!, { first: true, sourceIds: chat })).map(
        (c) => c.sourceId,
      );
    expect(await sources(["feed:a", "feed:b", "feed:c"])).toEqual(["feed:c", "feed:b"]);
    expect(await sources(["feed:a", "feed:b"])).toEqual(["feed:b"]);
    expect(await sources(["feed:a"])).toEqual([]);
    expect(await sources(undefined)).toEqual(["feed:c", "feed:b"]);
  });

  it("applies include and exclude keywords", async () => {
    await store.cards.upsert(makeCard(1, { title: "Tax reform passes", tags: ["economy"] }), T0);
    await store.cards.upsert(makeCard(2, { title: "Syntax of the new law", tags: ["law"] }), T0);
    await store.cards.upsert(makeCard(3, { title: "Taxes and football", tags: ["sport"] }), T0);
    const [sub] = await subscribeChats(store, 1, T0, {
      include: ["tax"],
      exclude: ["sport"],
      count: 10,
    });
    expect((await composeDigest(store.cards, sub!, { first: true })).map((c) => c.source)).toEqual([
      "article-1.txt",
    ]);
  });

  it("finds matches beyond the first page when a filter is strict", async () => {
    for (let i = 1; i <= 120; i++) {
      await store.cards.upsert(makeCard(i, { tags: i % 40 === 0 ? ["rare"] : ["common"] }), at(i));
    }
    const [sub] = await subscribeChats(store, 1, T0, { include: ["rare"], count: 5 });
    expect(await composeDigest(store.cards, sub!, { first: true })).toHaveLength(3);
  });
});

describe("matchesFilter", () => {
  const card = makeCard(1, { title: "Élection à Montréal", tags: ["politics"] });
  it("matches keywords case-insensitively at word starts, including non-ASCII", async () => {
    expect(matchesFilter(card, { include: ["élection"], exclude: [] })).toBe(true);
    expect(matchesFilter(card, { include: ["MONTRÉAL"], exclude: [] })).toBe(true);
    expect(matchesFilter(card, { include: ["lection"], exclude: [] })).toBe(false);
    expect(matchesFilter(card, { include: [], exclude: ["politics"] })).toBe(false);
    expect(matchesFilter(card, { include: ["c++"], exclude: [] })).toBe(false);
  });
});
