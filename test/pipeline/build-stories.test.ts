import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock.js";
import type { FactCard } from "../../src/model/index.js";
import { buildStories, digestDirectory, type DirectoryDigest } from "../../src/pipeline/index.js";
import { groupCards, type StoryInput } from "../../src/stories/index.js";

const DIR = path.join(new URL("../..", import.meta.url).pathname, "test/fixtures/stories-cli");
const clock = fixedClock("2026-06-30T12:00:00.000Z");

let digest: DirectoryDigest;
beforeAll(async () => {
  digest = await digestDirectory(path.join(DIR, "articles"), { maxBytes: 1_000_000 });
});

function inputs(arrivedAt: (card: FactCard) => string = () => clock.now().toISOString()) {
  return digest.cards.map((card): StoryInput => ({
    card,
    text: digest.texts.get(card.id)!,
    arrivedAt: arrivedAt(card),
  }));
}

describe("buildStories and groupCards", () => {
  it("keeps the text each card was built from, for every card of the folder", () => {
    expect(digest.cards).toHaveLength(8);
    for (const card of digest.cards)
      expect(digest.texts.get(card.id)).toContain(card.facts[0]?.sentence);
  });

  it("puts the best card first and lists the sources in the order of the cards", () => {
    const stories = buildStories(digest, { clock });
    const ferry = stories.find((s) => s.sources.includes("d004.txt"))!;
    expect([...ferry.sources].sort()).toEqual(["d004.txt", "d011.txt", "d017.txt"]);
    expect(ferry.cards.map((c) => c.source)).toEqual(ferry.sources);
    expect(ferry.title).toBe(ferry.cards[0]!.title);
  });

  it("ranks a newer single report above an older one", () => {
    const late = (card: FactCard) =>
      card.source === "d012.txt" ? "2026-06-30T11:00:00.000Z" : "2026-06-29T12:00:00.000Z";
    const stories = groupCards(inputs(late), { clock });
    const singles = stories.filter((s) => s.sources.length === 1).map((s) => s.sources[0]);
    expect(singles[0]).toBe("d012.txt");
    expect(stories[0]!.sources).toHaveLength(3);
  });

  it("counts cards of one outlet once, so the per-outlet cap keeps only its top stories", () => {
    const byFolder = (card: FactCard) => card.sourceId;
    expect(groupCards(inputs(), { clock, outletOf: byFolder })).toHaveLength(2);
    expect(groupCards(inputs(), { clock, outletOf: byFolder, perSourceCap: 9 })).toHaveLength(5);
    // Without a publisher each file is its own outlet, so a folder keeps every story.
    expect(buildStories(digest, { clock })).toHaveLength(5);
  });
});
