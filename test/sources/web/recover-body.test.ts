import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/sources/web/index.js";
import { preferDeclaredBody } from "../../../src/sources/web/json-ld-paragraphs.js";
import { readPageFixture } from "./read-page-fixture.js";

const url = "https://citypost.example/culture/library-sundays";

describe("extractArticle recovers what Readability cannot see", () => {
  it("takes the JSON-LD articleBody of a page whose body is rendered by script, furniture removed", () => {
    const result = extractArticle(readPageFixture("script-rendered.html"), {
      url,
      sourceId: `page:${url}`,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.text.split("\n\n")).toEqual([
      "The central library will open on Sundays from 5 May, from 11:00 to 17:00, the culture office said on Tuesday.",
      "The trial will run for 26 weeks and cost about 180,000 euros, paid from the budget for adult education.",
      "Librarians will work Sundays on a voluntary rota, with a bonus of 30 per cent on the hourly rate, under an agreement signed with the staff council in March.",
    ]);
    expect(result.article.title).toBe("Library opens on Sundays from May");
    expect(result.article.date).toBe("2024-04-02");
    expect(result.article.publisher).toBe("City Post");
  });
});

describe("preferDeclaredBody", () => {
  const declared = [
    "The council approved the harbour budget on Monday after a long debate.",
    "Ferries will run every twenty minutes during the summer season.",
    "A new lighthouse keeper starts work in June, the first in forty years.",
    "Fishermen asked for more moorings near the old customs house.",
    "The museum plans an exhibition about the shipyard for next spring.",
    "Tourist numbers rose by a fifth compared with the year before.",
  ];

  it("keeps what Readability found when it covers the declared body", () => {
    expect(preferDeclaredBody(declared.slice(0, 5), declared)).toEqual(declared.slice(0, 5));
  });

  it("takes the declared body when Readability found a fraction of it", () => {
    expect(preferDeclaredBody(declared.slice(0, 1), declared)).toEqual(declared);
  });

  it("ignores a declared body too short to be the article", () => {
    expect(preferDeclaredBody(["Found text."], ["A teaser."])).toEqual(["Found text."]);
  });
});
