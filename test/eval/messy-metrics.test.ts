import { describe, expect, it } from "vitest";
import type { CardDraft as FactCard } from "../../src/digest/index.js";
import { furnitureIn } from "../../scripts/lib/messy-furniture.js";
import { isBadCut, lostNumbers } from "../../scripts/lib/messy-metrics.js";

const card = (texts: string[]): FactCard => ({
  id: "0123456789ab",
  source: "a.txt",
  title: "Kenya raises fuel levy",
  date: null,
  place: null,
  summary: texts[0]!,
  facts: texts.slice(1).map((text) => ({ text, sentence: text })),
  tags: [],
});

describe("messy eval metrics", () => {
  it("counts a cut as bad when the dropped tail holds a number or a negation", () => {
    const sentence =
      "Supporters had argued that households were paying for programmes, while opponents warned that up to 900 jobs would be lost.";
    expect(
      isBadCut({
        text: "Supporters had argued that households were paying for programmes…",
        sentence,
      }),
    ).toBe(true);
    expect(
      isBadCut({
        text: "The union said talks would continue…",
        sentence: "The union said talks would continue next week in the capital.",
      }),
    ).toBe(false);
    expect(
      isBadCut({
        text: "The city agreed to pay…",
        sentence: "The city agreed to pay but did not admit wrongdoing.",
      }),
    ).toBe(true);
  });

  it("finds numbers of a fact's sentence that the card nowhere shows", () => {
    const c = card(["The levy will raise 18 billion shillings.", "Roads were damaged."]);
    expect(lostNumbers("Floods washed away 1,200 kilometres of roads and 46 bridges.", c)).toEqual([
      "1,200",
      "46",
    ]);
    expect(lostNumbers("The levy will raise 18 billion shillings a year.", c)).toEqual([]);
  });

  it("recognises page furniture and wire leftovers, and leaves news sentences alone", () => {
    expect(furnitureIn("Skip to main content")).toEqual(["skip link"]);
    expect(furnitureIn("Health | Tuesday, 12 August 2025.")).toContain("section | date");
    expect(furnitureIn("NAIROBI, Kenya (AP) — Kenya's main union called off a strike.")).toEqual(
      expect.arrayContaining(["wire tag", "dateline"]),
    );
    expect(
      furnitureIn("Correction: An earlier version of this article misstated the number."),
    ).toContain("correction");
    expect(furnitureIn("By continuing to browse you agree to our use of cookies.")).toEqual([
      "cookies",
    ]);
    expect(furnitureIn("The council approved 2,400 homes on the former docklands.")).toEqual([]);
  });
});
