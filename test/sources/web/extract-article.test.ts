import { describe, expect, it } from "vitest";
import { Article } from "../../../src/model/index.js";
import { extractArticle } from "../../../src/sources/web/index.js";
import { readPageFixture } from "./read-page-fixture.js";

const url = "https://gazette.example/news/bridge";
const options = { url, sourceId: `page:${url}` };

function extract(name: string): Article {
  const result = extractArticle(readPageFixture(name), options);
  if (!result.ok) throw result.error;
  return result.article;
}

describe("extractArticle", () => {
  it("returns a valid Article with the page's metadata and its body as paragraphs", () => {
    const article = extract("leaky-article.html");
    expect(Article.parse(article)).toEqual(article);
    expect(article).toMatchObject({
      sourceId: `page:${url}`,
      key: url,
      source: url,
      url,
      feed: null,
      title: "Harbour bridge reopens after repairs",
      date: "2024-03-05",
      publisher: "The Daily Gazette",
      place: null,
    });
    expect(article.text.split("\n\n")).toEqual([
      "The harbour bridge reopened to traffic on Tuesday morning after eleven weeks of repairs that cost the city 14.2 million euros, the transport office said.",
      "Engineers replaced 312 steel cables and resurfaced the full 1.4 kilometre deck, work that had been planned for 2026 but was brought forward after inspectors found corrosion in October.",
      'Mayor Ana Ruiz said the early repair saved money in the long run. "Waiting would have meant closing the bridge for a year," she told reporters at the reopening.',
      "About 38,000 vehicles used the bridge every day before it closed, and the diversion through the old town added up to 25 minutes to many journeys during the closure.",
      "Cyclists will get a separate lane from April, once the last section of railing has been fitted, the transport office added in a statement.",
    ]);
  });

  it("reads headline, first-publication date, publisher and place from JSON-LD", () => {
    const article = extract("json-ld-article.html");
    expect(article.title).toBe("Rail strike called off after overnight talks");
    expect(article.date).toBe("2023-11-21");
    expect(article.publisher).toBe("Northern Courier");
    expect(article.place).toBe("Leeds");
    expect(article.text).toMatch(/^A national rail strike/);
    expect(article.text).not.toContain("Updated");
  });

  it("returns a not-an-article error for a page with no body text", () => {
    const result = extractArticle(readPageFixture("not-an-article.html"), options);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.name).toBe("ArticleError");
      expect(result.error.message).toContain("not an article");
      expect(result.error.message).toContain(url);
    }
  });

  it("returns an error value, not a throw, for an empty or non-HTML input", () => {
    expect(extractArticle("", options).ok).toBe(false);
    expect(extractArticle("just some words", options).ok).toBe(false);
  });
});
