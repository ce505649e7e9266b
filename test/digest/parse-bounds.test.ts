import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/digest/index.js";

describe("parseArticle's date search", () => {
  it("reads the date at the opening of a paragraph of thousands of dates", () => {
    const dates = "2023-12-27 ".repeat(20_000);
    expect(parseArticle(`Figures published\n\nThe figure was ${dates}.`).date).toBe("2023-12-27");
  });

  it("looks for a date only near the edges of the opening and closing paragraphs", () => {
    const filler = "The council met again and talked about the plan for the city. ".repeat(100);
    const text = `Council meets\n\n${filler}It met on 3 March 2024. ${filler}`;
    expect(parseArticle(text).date).toBeNull();
    expect(parseArticle(`Council meets\n\nIt met on 3 March 2024. ${filler}`).date).toBe(
      "2024-03-03",
    );
  });
});
