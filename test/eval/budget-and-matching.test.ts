import { describe, expect, it } from "vitest";
import { format } from "prettier";
import { containsItem, factRecall } from "../../scripts/lib/fact-recall.js";
import { markdownTable } from "../../scripts/lib/markdown-table.js";
import { matchSummarySource } from "../../scripts/lib/match-summary.js";
import { truncateAtWord } from "../../scripts/lib/truncate-at-word.js";

describe("truncateAtWord", () => {
  it("cuts to the budget without splitting a word", () => {
    expect(truncateAtWord("alpha beta gamma", 10)).toBe("alpha beta");
    expect(truncateAtWord("alpha beta gamma", 8)).toBe("alpha");
    expect(truncateAtWord("alpha beta", 10)).toBe("alpha beta");
  });
});

describe("matchSummarySource", () => {
  it("finds the sentence a summary was compressed from, not the earlier look-alike", () => {
    const sentences = [
      "The ministry said exports rose.",
      "However, exports rose 5% in March, the ministry said, after a weak winter.",
    ];
    expect(matchSummarySource("Exports rose 5% in March.", sentences)).toEqual({
      index: 1,
      coverage: 1,
    });
  });

  it("prefers the tighter sentence when two cover the summary equally", () => {
    expect(
      matchSummarySource("Exports rose.", ["Exports rose sharply in May.", "Exports rose."])?.index,
    ).toBe(1);
  });
});

describe("fact recall", () => {
  it("matches numbers by value", () => {
    expect(containsItem("It allocated 3000 placements.", "3,000")).toBe(true);
    expect(containsItem("It held 6 international exercises.", "six international exercises")).toBe(
      true,
    );
  });

  it("does not find a number inside a bigger one or a word inside a longer word", () => {
    expect(containsItem("600 officers", "60")).toBe(false);
    expect(containsItem("Russian troops", "Russia")).toBe(false);
  });

  it("splits gold items into found and missed, case-insensitively", () => {
    expect(
      factRecall("Reserve Officers for 752 people", ["reserve officers", "752", "600"]),
    ).toEqual({
      found: ["reserve officers", "752"],
      missed: ["600"],
    });
  });
});

describe("markdownTable", () => {
  it("lays a table out exactly as Prettier would", async () => {
    const table = markdownTable(
      ["System", "Score", "Note"],
      [
        ["ours", "0.5", "a | b"],
        ["Lead-3", "0.25", "—"],
      ],
      ["left", "right", "left"],
    );
    expect(await format(table, { parser: "markdown", printWidth: 100 })).toBe(`${table}\n`);
  });
});
