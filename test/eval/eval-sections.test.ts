import { describe, expect, it } from "vitest";
import { MESSY_BEFORE, messySection } from "../../scripts/lib/eval-sections.js";
import type { MessyFigures } from "../../scripts/lib/messy-report.js";

const figures: MessyFigures = {
  articles: 2,
  cards: 2,
  factsFound: 3,
  factsTotal: 4,
  factsShown: 8,
  factsLosingNumbers: 0,
  badCuts: 0,
  furniture: 0,
  titles: [2, 2],
  dates: [1, 2],
  places: [2, 2],
  titleEllipses: 0,
  unfaithful: 0,
};

describe("messySection", () => {
  it("puts the recorded before figures beside today's, a dash where none was recorded", () => {
    const set = { checks: [], figures };
    const section = messySection({ messy: set, bbc: set, table: "" });
    const cells = (label: string) =>
      section
        .split("\n")
        .find((l) => l.startsWith(`| ${label}`))
        ?.split("|")
        .slice(1, -1)
        .map((c) => c.trim());
    expect(cells("facts losing a number")?.slice(1)).toEqual([
      MESSY_BEFORE.messy.numbersLost,
      "0.0% (0/8)",
      MESSY_BEFORE.bbc.numbersLost,
      "0.0% (0/8)",
    ]);
    expect(cells("bad cuts")?.slice(1)).toEqual(["1", "0", "7", "0"]);
    expect(cells("cards / articles")?.slice(1)).toEqual(["—", "2/2", "—", "2/2"]);
  });
});
