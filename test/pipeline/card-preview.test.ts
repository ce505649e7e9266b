import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestArticle } from "../../src/digest/index.js";
import { createCardPreview, type CardPreviewFn } from "../../src/pipeline/index.js";
import {
  createHttpClient,
  createStaticLookup,
  extractArticle,
  type HttpClient,
} from "../../src/sources/index.js";
import {
  articlePage,
  createDynamicFeed,
  newsEntry,
  startFakeHttpServer,
  type FakeHttpServer,
} from "../fakes/http/index.js";

let server: FakeHttpServer;
let http: HttpClient;
let preview: CardPreviewFn;

beforeAll(async () => {
  // The NLP model loads on first use: not inside a card's 2 s time budget on a busy machine.
  digestArticle({ source: "warm-up", text: newsEntry(9).text });
  const feed = createDynamicFeed("City Wire", [newsEntry(3), newsEntry(2), newsEntry(1)]);
  server = await startFakeHttpServer({
    "/news.xml": feed.route,
    "/story.html": articlePage(4),
    "/empty.html": (_req, res) =>
      void res.writeHead(200, { "content-type": "text/html" }).end("<html><body></body></html>"),
  });
  http = createHttpClient({
    allowAddresses: ["127.0.0.1"],
    lookup: createStaticLookup({ "evil.example": "192.168.0.10" }),
  });
  preview = createCardPreview({ http, extractPage: extractArticle, maxCards: 2 });
});
afterAll(async () => {
  await http.close();
  await server.close();
});

describe("createCardPreview", () => {
  it("turns a feed URL into the cards of its newest items, newest first, as a poll would", async () => {
    const result = await preview(`${server.origin}/news.xml`);
    expect(result).toMatchObject({ ok: true, kind: "feed", title: "City Wire", skipped: [] });
    if (!result.ok) return;
    expect(result.cards.map((c) => c.title)).toEqual([
      "Council approves plan number 3 for the river district",
      "Council approves plan number 2 for the river district",
    ]);
    expect(result.cards[0]?.sourceId).toBe(`feed:${server.origin}/news.xml`);
    expect(result.cards[0]?.facts.length).toBeGreaterThan(0);
  });

  it("turns an article page URL into that article's card", async () => {
    const result = await preview(`${server.origin}/story.html`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.kind).toBe("page");
    expect(result.cards).toHaveLength(1);
    expect(result.cards[0]?.title).toBe("Council approves plan number 4 for the river district");
  });

  it("names the URL and what is wrong when it cannot be previewed", async () => {
    expect(await preview("ftp://x.example/a")).toEqual({
      ok: false,
      url: "ftp://x.example/a",
      error: "that is not an http:// or https:// link",
    });
    expect(await preview(`${server.origin}/missing`)).toEqual({
      ok: false,
      url: `${server.origin}/missing`,
      error: "the site answered HTTP 404",
    });
    const hostile = `http://evil.example:${server.port}/news.xml`;
    expect(await preview(hostile)).toMatchObject({ ok: false, url: hostile });
    expect(await preview(`${server.origin}/empty.html`)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^no article found there/),
    });
  });
});
