import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/sources/web/index.js";
import { readPageFixture } from "./read-page-fixture.js";

const url = "https://www.portweekly.example/news/dockworkers";

function paragraphs(): string[] {
  const page = readPageFixture("teasers-and-credits.html");
  const result = extractArticle(page, { url, sourceId: `page:${url}` });
  if (!result.ok) throw result.error;
  return result.article.text.split("\n\n");
}

describe("extractArticle removes teasers, credits and article headers", () => {
  it.each([
    [
      "the article header with standfirst and timestamps",
      ["Cranes were moving", "PUBLISHED", "UPDATED"],
    ],
    ["a byline with its date and a date on its own line", ["Sam Ortega", "June 12, 2024"]],
    [
      "a caption inside an image container and its agency credit",
      ["Cranes unload", "Getty Images"],
    ],
    ["a teaser link in capitals", ["RAIL STRIKE ENDS"]],
    [
      "a run of links to other stories on the same site",
      ["Ferry timetable", "Harbour budget", "lighthouse"],
    ],
    ["the author's bio and archive link", ["joined Port Weekly", "More articles from"]],
  ])("drops %s", (_, leaks) => {
    const text = paragraphs().join("\n");
    for (const leak of leaks) expect(text).not.toContain(leak);
  });

  it("keeps links to other sites that belong to the article, and table rows on one line each", () => {
    const text = paragraphs();
    expect(text).toContain("Get the Port Atlas for $29");
    expect(text).toContain("Get the tide tables for $9");
    expect(text).toContain("North 31 9");
  });

  it("keeps the article's prose in reading order", () => {
    const prose = paragraphs().filter((p) => p.length > 80);
    expect(prose.map((p) => p.slice(0, 20))).toEqual([
      "Dockworkers at the n",
      "The port authority s",
      "Union leader Ada Bre",
      "Shipping companies h",
    ]);
  });
});
