import { describe, expect, it } from "vitest";
import { chatSourceIds, composeDigest } from "../../src/delivery/index.js";
import { createMemoryStore } from "../../src/store/index.js";
import { makeCard } from "../fixtures/cards.js";

const T0 = new Date("2024-03-01T08:00:00Z");
const mine = { platform: "telegram" as const, chatId: "mine" };
const other = { platform: "telegram" as const, chatId: "other" };
const source = (url: string, addedBy: typeof mine | null) => ({
  id: `feed:${url}`,
  url,
  kind: "feed" as const,
  title: null,
  addedBy,
});

describe("the sources a chat's digests read", () => {
  it("filters nothing while no source is registered", async () => {
    expect(await chatSourceIds(createMemoryStore().sources, mine)).toBeUndefined();
  });

  it("gives a chat its own sources only, and the operator's to a chat without any", async () => {
    const store = createMemoryStore();
    await store.sources.add(source("https://op.example/rss", null), T0);
    await store.sources.add(source("https://mine.example/rss", mine), T0);
    await store.sources.link(mine, "feed:https://mine.example/rss", T0);
    expect(await chatSourceIds(store.sources, mine)).toEqual(["feed:https://mine.example/rss"]);
    expect(await chatSourceIds(store.sources, other)).toEqual(["feed:https://op.example/rss"]);

    await store.cards.upsert(makeCard(1, { sourceId: "feed:https://op.example/rss" }), T0);
    await store.cards.upsert(makeCard(2, { sourceId: "feed:https://mine.example/rss" }), T0);
    const sub = await store.subscriptions.create(
      { target: { ...mine, threadId: null }, cron: "0 8 * * *", createdBy: "t" },
      T0,
    );
    const sourceIds = await chatSourceIds(store.sources, mine);
    const cards = await composeDigest(store.cards, sub, { first: true, sourceIds });
    expect(cards.map((c) => c.id)).toEqual([makeCard(2).id]);
  });
});
