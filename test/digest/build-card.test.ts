import { describe, expect, it } from "vitest";
import { digestArticle } from "../../src/digest/index.js";

const budget = [
  "Council approves budget",
  "",
  "The city council approved a $4.2 million budget on Tuesday, officials said.",
  '"We have made hard choices," Mayor Ann Lee told reporters. "Nobody got everything they wanted."',
  "The budget includes:",
  "- Roads: $1.5 million",
  "- Schools: $2 million",
  "- Parks: $0.7 million",
  "It passed 7-2.",
].join("\n");

describe("the card's summary", () => {
  it("is the lead under the article's own headline, even when the lead restates it", () => {
    const result = digestArticle({ source: "budget.txt", text: budget });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.card.title).toBe("Council approves budget");
    expect(result.card.summary).toBe("The city council approved a $4.2 million budget on Tuesday.");
    expect(result.card.facts.map((f) => f.text)).toEqual([
      'Mayor Ann Lee: "We have made hard choices."',
      'Mayor Ann Lee: "Nobody got everything they wanted."',
      "The budget includes: Roads: $1.5 million, Schools: $2 million, Parks: $0.7 million.",
      "It passed 7-2.",
    ]);
    expect(result.card.tags).toEqual(["budget"]);
  });

  it("moves on from a lead that only repeats the headline", () => {
    const text = [
      "Council approves budget",
      "",
      "The council approves the budget.",
      "The city council voted 7-2 on Tuesday for a $4.2 million plan that pays for roads and schools.",
      "Mayor Ann Lee called the vote a relief for residents.",
    ].join("\n");
    const result = digestArticle({ source: "repeat.txt", text });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.card.summary).toMatch(/^The city council voted 7-2/);
  });
});
