import { describe, expect, it } from "vitest";
import { digestArticle, type CardDraft as FactCard } from "../../src/digest/index.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function cardOf(text: string): FactCard {
  const result = digestArticle({ source: "t.txt", text });
  if (!result.ok) throw new Error(result.error.message);
  return result.card;
}

function shownTexts(card: FactCard): string[] {
  return [
    card.title,
    card.summary,
    ...card.facts.flatMap((f) => [f.text, f.sentence]),
    ...card.tags,
  ];
}

describe("card hygiene", () => {
  it("never holds a lone surrogate from a surrogate entity or a broken string", () => {
    const card = cardOf(
      [
        "Council approves budget",
        "",
        "The city council approved a $4.2 million budget &#xD800; on Tuesday after a long debate.",
        "Roads get $1.5 million and schools get $2 million under the plan \uDC00 adopted last night.",
        "Parks get $0.7 million, the first rise for the city's parks in a decade of cuts.",
        "The mayor said the vote ended months of argument between the two largest parties.",
      ].join("\n"),
    );
    for (const text of shownTexts(card)) expect(text).not.toMatch(LONE_SURROGATE);
  });

  it("never shows the same fact twice, nor the summary again as a fact", () => {
    const lead = "The city council approved a $4.2 million budget on Tuesday after a long debate.";
    const fact =
      "Roads get $1.5 million and schools get $2 million under the plan adopted last night.";
    const card = cardOf(
      [
        "Council approves budget",
        "",
        lead,
        fact,
        "",
        lead,
        fact,
        "",
        "Parks get $0.7 million, the first rise for the city's parks in a decade of cuts.",
        fact,
      ].join("\n"),
    );
    const facts = card.facts.map((f) => f.text);
    expect(new Set(facts).size).toBe(facts.length);
    expect(facts).not.toContain(card.summary);
  });

  it('keeps the space in "1.5 .5": deleting it would invent the number "1.5.5"', () => {
    const card = cardOf(
      [
        "Output figures revised",
        "",
        "Factory output in the region grew by 2.1% in the first quarter, the statistics office said.",
        "The office revised its estimate for the second quarter, which ended in June, to 1.5 .5 points higher than the previous estimate published by the office in the spring of this year.",
        "Economists had expected growth of about 2% in the quarter, after a weak winter for exporters.",
        "Exports to the rest of Europe rose by 3.4% over the same period, led by cars and machinery.",
      ].join("\n"),
    );
    for (const text of shownTexts(card)) expect(text).not.toContain("1.5.5");
    expect(card.facts.some((f) => f.text.includes("1.5 .5"))).toBe(true);
  });
});
