import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock.js";
import { digestDirectory } from "../../src/pipeline/index.js";
import { createStoryQueries } from "../../src/queries/index.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";

const DIR = path.join(new URL("../..", import.meta.url).pathname, "test/fixtures/stories-cli");
const clock = fixedClock("2026-06-30T12:00:00.000Z");

let store: Store;
beforeAll(async () => {
  store = createMemoryStore();
  const { cards } = await digestDirectory(path.join(DIR, "articles"), { maxBytes: 1_000_000 });
  for (const [i, card] of cards.entries()) {
    await store.cards.upsert(card, new Date(Date.parse("2026-06-30T08:00:00Z") + i * 60_000));
  }
});

describe("latestStories", () => {
  it("groups the newest stored cards into stories by their own sentences, as the gold says", async () => {
    const gold = JSON.parse(readFileSync(path.join(DIR, "gold.json"), "utf8")) as Record<
      string,
      string
    >;
    const stories = await createStoryQueries({ store, clock }).latestStories(8);
    expect(stories.map((s) => s.sources.length)).toEqual([3, 2, 1, 1, 1]);
    for (const story of stories) {
      expect(new Set(story.sources.map((f) => gold[f])).size).toBe(1);
      expect(story.cards[0]?.title).toBe(story.title);
    }
    expect(stories.find((s) => s.sources.includes("d004.txt"))?.disagreements[0]?.label).toBe(
      "dead",
    );
  });

  it("looks only at the newest `limit` cards", async () => {
    const stories = await createStoryQueries({ store, clock }).latestStories(3);
    const shown = stories.flatMap((s) => s.cards.map((c) => c.id));
    const newest = (await store.cards.latest({ limit: 3, offset: 0 })).map((c) => c.id);
    expect(shown.sort()).toEqual(newest.sort());
  });
});
