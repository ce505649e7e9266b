import { describe, expect, it } from "vitest";
import { renderDisagreement, renderStoryText } from "../../src/adapters/console/index.js";
import type { FactCard, StoryCards } from "../../src/model/index.js";

const card: FactCard = {
  id: "0123456789ab",
  sourceId: "dir:news",
  key: "a.txt",
  source: "a.txt",
  url: null,
  publisher: "Reuters",
  title: "Ferry capsizes on Lake Kivu",
  date: "2026-07-09",
  place: "Goma",
  summary: "An overloaded ferry capsized on Lake Kivu on Thursday.",
  facts: [{ text: "Twelve people died.", sentence: "Twelve people died." }],
  tags: [],
  contentHash: "ba9876543210",
};

const story: StoryCards = {
  id: card.id,
  title: card.title,
  sources: ["a.txt", "b.txt"],
  cards: [card, { ...card, id: "0123456789ac", source: "b.txt", publisher: "AP" }],
  disagreements: [
    {
      label: "dead",
      values: [
        { value: "12", publisher: "Reuters", sentence: "Twelve people died." },
        { value: "15", publisher: "AP", sentence: "The toll rose to 15." },
      ],
    },
  ],
};

describe("renderStoryText", () => {
  it("names the counted thing once, after the first value", () => {
    expect(renderDisagreement(story.disagreements[0]!)).toBe("12 dead (Reuters); 15 (AP)");
  });

  it("shows only the best card, then who reported the story and where the figures differ", () => {
    const text = renderStoryText(story);
    expect(text.match(/Ferry capsizes/g)).toHaveLength(1);
    expect(text.split("\n").slice(-2)).toEqual([
      "reported by 2 sources: a.txt, b.txt",
      "reports differ: 12 dead (Reuters); 15 (AP)",
    ]);
  });
});
