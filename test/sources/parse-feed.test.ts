import { describe, expect, it } from "vitest";
import { Article } from "../../src/model/index.js";
import { feedItemToArticle, parseFeed, type ParsedFeed } from "../../src/sources/index.js";
import { fixture } from "../fakes/http/index.js";

function parsed(name: string, url: string): ParsedFeed {
  const result = parseFeed(fixture(name).toString("utf8"), { url });
  if (!result.ok) throw result.error;
  return result.feed;
}

describe("parseFeed", () => {
  it("reads RSS 2.0: entities, CDATA, relative links, content:encoded as text paragraphs", () => {
    const feed = parsed("rss2.xml", "https://news.example/feed.xml");
    expect(feed.title).toBe("Steppe & River News");
    expect(feed.link).toBe("https://news.example/");
    const [budget] = feed.items;
    expect(budget).toMatchObject({
      url: "https://news.example/2025/06/budget",
      title: "Budget of 4.2 billion approved",
      date: "2025-06-10",
      publishedAt: "2025-06-11T04:30:00.000Z",
      contentText:
        "The city council approved a budget of 4.2 billion on Tuesday.\n\nSpending on schools rises by 12%, the mayor said. Schools",
    });
    expect(budget!.contentHtml).toContain('href="https://news.example/schools"');
    expect(feed.items[2]!.title).toBe("Weather – a warm week");
  });

  it("falls back to the link for a guid used twice in one feed, and to title + date without either", () => {
    const keys = parsed("rss2.xml", "https://news.example/feed.xml").items.map((i) => i.key);
    expect(keys).toEqual([
      "https://news.example/2025/06/budget",
      "https://news.example/2025/06/bridge",
      "Weather – a warm week|2025-06-09T06:00:00.000Z",
    ]);
  });

  it("reads RSS 0.91 with character references", () => {
    const feed = parsed("rss091.xml", "http://old.example/rss");
    expect(feed.items[0]).toMatchObject({
      key: "http://old.example/cafe.html",
      title: "Café opens downtown",
      contentText: "A new café opened on Main Street.",
      date: null,
    });
  });

  it("reads RSS 1.0 (RDF) with Dublin Core dates in the publisher's calendar", () => {
    const feed = parsed("rdf.xml", "https://rdf.example/rss");
    expect(feed.title).toBe("RDF Daily");
    expect(feed.items[0]).toMatchObject({
      key: "https://rdf.example/items/1",
      date: "2025-06-08",
      publishedAt: "2025-06-08T04:00:00.000Z",
    });
  });

  it("reads Atom with xml:base, HTML titles and XHTML content", () => {
    const feed = parsed("atom.xml", "https://atom.example/blog/feed.atom");
    expect(feed.link).toBe("https://atom.example/");
    const [port, library] = feed.items;
    expect(port).toMatchObject({
      key: "tag:atom.example,2025:1",
      url: "https://atom.example/blog/posts/port",
      title: "Port handles 2 million tonnes",
      date: "2025-06-10",
      contentText:
        "The port handled 2 million tonnes of cargo in May.\n\nOfficials expect growth of 5% next year.",
    });
    expect(library).toMatchObject({
      url: "https://atom.example/blog/posts/library",
      contentText: "The city library now opens until 21:00.",
      contentHtml: null,
    });
  });

  it("reads JSON Feed and resolves relative item URLs", () => {
    const feed = parsed("feed.json", "https://json.example/feed.json");
    expect(feed.title).toBe("JSON Wire");
    expect(feed.items.map((i) => [i.key, i.url, i.title])).toEqual([
      ["j-1", "https://json.example/stories/1", "Rail line adds 3 trains"],
      ["j-2", "https://json.example/stories/2", null],
    ]);
    expect(feed.items[0]!.contentText).toBe(
      "The rail operator adds 3 trains a day from July.\n\nTickets cost 1,200 tenge.",
    );
  });

  it("still reads items from a feed with unescaped ampersands", () => {
    const feed = parsed("broken.xml", "https://loose.example/rss");
    expect(feed.title).toBe("Loose & Fast");
    expect(feed.items[0]).toMatchObject({ title: "Tom & Jerry return" });
    expect(feed.items[0]!.contentText).toMatch(/^Cats & mice\s+again$/);
  });

  it("marks a 'read more' item as a teaser", () => {
    const feed = parsed("teaser.xml", "http://127.0.0.1:8080/teaser.xml");
    expect(feed.items[0]).toMatchObject({
      isTeaser: true,
      url: "http://127.0.0.1:8080/articles/plan.html",
    });
  });

  it("names an HTML page that is not a feed", () => {
    const result = parseFeed(fixture("not-a-feed.html").toString(), {
      url: "https://site.example/",
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: "not-a-feed", message: "not a feed" });
    expect(parseFeed('{"hello": 1}', { url: "https://x.example/" }).ok).toBe(false);
  });
});

describe("feedItemToArticle", () => {
  it("gives an Article with the feed title as publisher and plain-text paragraphs", () => {
    const feed = parsed("rss2.xml", "https://news.example/feed.xml");
    const article = feedItemToArticle(feed.items[0]!, feed, "feed:https://news.example/feed.xml");
    expect(Article.parse(article)).toEqual({
      sourceId: "feed:https://news.example/feed.xml",
      key: "https://news.example/2025/06/budget",
      source: "https://news.example/2025/06/budget",
      feed: "https://news.example/feed.xml",
      url: "https://news.example/2025/06/budget",
      title: "Budget of 4.2 billion approved",
      date: "2025-06-10",
      place: null,
      publisher: "Steppe & River News",
      text: "The city council approved a budget of 4.2 billion on Tuesday.\n\nSpending on schools rises by 12%, the mayor said. Schools",
    });
  });
});
