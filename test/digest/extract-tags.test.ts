import { describe, expect, it } from "vitest";
import { buildUnits, parseArticle } from "../../src/digest/index.js";
import { extractTags } from "../../src/digest/summarize/extract-tags.js";

function tagsOf(text: string, title = ""): string[] {
  return extractTags(buildUnits(parseArticle(text)), title);
}

describe("tags", () => {
  it("shows words as the article writes them: no folded stems, no possessives", () => {
    const tags = tagsOf(
      [
        "The owners of Yukos are to ask Rosneft to repay a loan.",
        "Yukos says Rosneft's purchase of the unit ignored the loan.",
        "China's banks and the companies they lend to face new rules.",
        "China wants companies to borrow less.",
      ].join("\n\n"),
    );
    expect(tags).toEqual(expect.arrayContaining(["yukos", "rosneft", "china", "companies"]));
    expect(tags.join(" ")).not.toMatch(/\byuko\b|companie\b|['’]/);
  });

  it("leaves out words that name no topic, and figures", () => {
    const tags = tagsOf(
      [
        "Last month the airline said fuel costs rose for the first time in a month.",
        "On Friday the airline raised fares; fuel costs rose 47% on Friday.",
        "The airline expects fuel costs to fall next month, in 2005.",
      ].join("\n\n"),
    );
    expect(tags).toEqual(expect.arrayContaining(["airline", "fuel", "costs"]));
    expect(tags).not.toEqual(expect.arrayContaining(["month"]));
    expect(tags.some((t) => /month|first|friday|\d/.test(t))).toBe(false);
  });

  it("puts headline words ahead of other words that occur as often", () => {
    const text = [
      "Bankers met the ministers in Basel to discuss a plan.",
      "The bankers in Basel asked the ministers for more time to discuss it.",
    ].join("\n\n");
    const plain = tagsOf(text);
    expect(plain.indexOf("ministers")).toBeGreaterThan(plain.indexOf("bankers"));
    const headlined = tagsOf(text, "Ministers talk");
    expect(headlined[0]).toBe("ministers");
  });

  it("is deterministic and holds at most five tags", () => {
    const text = "Alpha beta gamma delta epsilon zeta eta. ".repeat(3) + "Theta iota kappa lambda.";
    expect(tagsOf(text)).toEqual(tagsOf(text));
    expect(tagsOf(text).length).toBeLessThanOrEqual(5);
  });
});
