import { describe, expect, it } from "vitest";
import { findFeedLinks, sniffFeed } from "../../src/sources/index.js";
import { fixture } from "../fakes/http/index.js";

describe("findFeedLinks", () => {
  it("finds the RSS, Atom and JSON feeds a page advertises, resolved against <base>", () => {
    const html = fixture("not-a-feed.html").toString();
    expect(findFeedLinks(html, "https://site.example/")).toEqual([
      "https://site.example/news/feed.rss",
      "https://site.example/atom.xml",
      "https://site.example/feed.json",
    ]);
  });

  it("resolves against the page URL when there is no <base>", () => {
    const html = `<link rel=alternate type="application/rss+xml; charset=utf-8" href="rss?x=1&amp;y=2">`;
    expect(findFeedLinks(html, "https://a.example/dir/page")).toEqual([
      "https://a.example/dir/rss?x=1&y=2",
    ]);
  });
});

describe("sniffFeed", () => {
  it.each([
    "rss2.xml",
    "rss091.xml",
    "rdf.xml",
    "atom.xml",
    "feed.json",
    "broken.xml",
    "koi8r.xml",
  ])("recognises %s as a feed", (name) => {
    expect(sniffFeed(fixture(name).toString("latin1"))).toBe(true);
  });

  it.each([
    ["an HTML page", fixture("not-a-feed.html").toString()],
    ["plain JSON", '{"version": 2, "items": []}'],
    ["XML of another kind", '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'],
    ["broken JSON", "{"],
  ])("does not take %s for a feed", (_what, text) => {
    expect(sniffFeed(text)).toBe(false);
  });
});
