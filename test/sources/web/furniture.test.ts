import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/sources/web/index.js";
import { readPageFixture } from "./read-page-fixture.js";

const url = "https://gazette.example/news/bridge";

function text(): string {
  const result = extractArticle(readPageFixture("leaky-article.html"), {
    url,
    sourceId: "page:test",
  });
  if (!result.ok) throw result.error;
  return result.article.text;
}

describe("extractArticle removes page furniture", () => {
  it.each([
    ["a figure caption and its photo credit", ["Cars cross the bridge", "Lena Berg"]],
    ["an aside of related stories", ["Related stories", "Ferry timetable", "City budget"]],
    ["a READ MORE link line", ["READ MORE", "How the bridge was built"]],
    ["share prompts", ["Share this", "Tweet"]],
    ["a cookie banner", ["cookie"]],
    ["newsletter sign-ups", ["Sign up", "inbox", "Subscribe"]],
    ["the byline", ["Maria Jensen", "Tom Okafor"]],
    ["advertisement labels", ["Advertisement"]],
    ["the site footer", ["Copyright", "All rights reserved", "Privacy"]],
    ["the navigation and the site name", ["Weather", "The Daily Gazette"]],
    ["the headline (it is the title, not the body)", ["Harbour bridge reopens"]],
  ])("drops %s", (_, leaks) => {
    const body = text();
    for (const leak of leaks) expect(body).not.toContain(leak);
  });

  it("keeps every article paragraph, numbers verbatim", () => {
    const body = text();
    for (const kept of [
      "14.2 million euros",
      "312 steel cables",
      "38,000 vehicles",
      "Mayor Ana Ruiz",
      "Cyclists",
    ]) {
      expect(body).toContain(kept);
    }
  });
});
