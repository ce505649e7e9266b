import { describe, expect, it } from "vitest";
import { matchesFilter } from "../../src/delivery/index.js";
import { createMemoryStore } from "../../src/store/index.js";
import { makeCard } from "../fixtures/cards.js";

const cards = [
  makeCard(1, { title: "New software released", tags: [] }),
  makeCard(2, { title: "Storm warnings issued", tags: [] }),
  makeCard(3, { title: "The wars of the north", tags: [] }),
  makeCard(4, { title: "Central bank raises taxes", tags: ["budgeting"] }),
  makeCard(5, { title: "Bank of the river", summary: "Central heating fails.", tags: [] }),
];

describe("search and subscription filters", () => {
  it.each(["war", "tax", "budget", "warning", '"central bank"', "+bank", "-software"])(
    "agree on which cards %s matches",
    async (keyword) => {
      const store = createMemoryStore();
      for (const [i, card] of cards.entries()) await store.cards.upsert(card, new Date(i * 1000));
      const searched = (await store.cards.search(keyword, 10)).map((c) => c.id).sort();
      const filtered = cards
        .filter((c) => matchesFilter(c, { include: [keyword], exclude: [] }))
        .map((c) => c.id)
        .sort();
      expect(filtered).toEqual(searched);
      expect(searched.length).toBeGreaterThan(0);
    },
  );
});
