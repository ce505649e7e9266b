import { describe, expect, it } from "vitest";
import type { CardDraft } from "../../src/digest/index.js";
import { cardViolations } from "../../scripts/lib/evaluate-article.js";

const article = "Profits rose 76% to $1.13bn.\nThe firm,  which owns 8% of Google, grew.\n";
const card: CardDraft = {
  id: "0123456789ab",
  source: "a.txt",
  title: "Profits rise",
  date: null,
  place: null,
  summary: "Profits rose 76% to $1.13bn.",
  facts: [{ text: "The firm grew.", sentence: "The firm, which owns 8% of Google, grew." }],
  tags: [],
};

describe("cardViolations", () => {
  it("accepts a card whose numbers and provenance come from the article", () => {
    expect(cardViolations(card, article)).toEqual([]);
  });

  it("catches a planted number the article never states", () => {
    const wrong = { ...card, summary: "Profits rose 67% to $1.13bn." };
    expect(cardViolations(wrong, article)).toEqual(["summary: unsupported number(s) 67"]);
  });

  it("catches a provenance sentence that is not verbatim in the article", () => {
    const wrong = { ...card, facts: [{ text: "The firm grew.", sentence: "The firm grew fast." }] };
    expect(cardViolations(wrong, article)).toEqual([
      "facts[0].sentence not found verbatim in the article",
    ]);
  });
});
