import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/sources/web/dom.js";
import { readHeadline, stripSiteName } from "../../../src/sources/web/headline.js";
import { EMPTY_JSON_LD } from "../../../src/sources/web/json-ld.js";
import { readMetaTags } from "../../../src/sources/web/meta-tags.js";

function headline(head: string, body: string, publisher: string | null): string | null {
  const document = parseDocument(`<html><head>${head}</head><body>${body}</body></html>`);
  return readHeadline(document, readMetaTags(document), EMPTY_JSON_LD, publisher);
}

describe("stripSiteName", () => {
  it("drops a trailing ' | Site' or ' - Site' part naming the publisher", () => {
    expect(stripSiteName("Bridge reopens | The Daily Gazette", "The Daily Gazette")).toBe(
      "Bridge reopens",
    );
    expect(stripSiteName("Bridge reopens - Gazette - News", "Gazette")).toBe(
      "Bridge reopens - Gazette - News",
    );
    expect(stripSiteName("Bridge reopens - BBC News", "BBC News")).toBe("Bridge reopens");
  });

  it("drops a leading 'Site: ' part naming the publisher", () => {
    expect(stripSiteName("Gazette | Bridge reopens after repairs", "Gazette")).toBe(
      "Bridge reopens after repairs",
    );
  });

  it("drops a short capitalised tail when the publisher is unknown, but never after a colon", () => {
    expect(
      stripSiteName("Bridge reopens after eleven weeks of repairs | Daily Gazette", null),
    ).toBe("Bridge reopens after eleven weeks of repairs");
    expect(stripSiteName("Brexit explained : What Happens Next", null)).toBe(
      "Brexit explained : What Happens Next",
    );
  });
});

describe("readHeadline", () => {
  it("prefers the article's h1 when it agrees with og:title", () => {
    const head = '<meta property="og:title" content="Bridge reopens after repairs | Gazette">';
    const body = "<h1>Gazette</h1><article><h1>Bridge reopens after repairs</h1></article>";
    expect(headline(head, body, "Gazette")).toBe("Bridge reopens after repairs");
  });

  it("falls back to og:title minus the site suffix when no h1 agrees", () => {
    const head = '<meta property="og:title" content="Bridge reopens after repairs | Gazette">';
    expect(headline(head, "<h1>Latest news</h1>", "Gazette")).toBe("Bridge reopens after repairs");
  });

  it("never returns the site name from a logo h1", () => {
    const head = "<title>The Daily Gazette</title>";
    expect(
      headline(head, '<h1><a href="/">The Daily Gazette</a></h1>', "The Daily Gazette"),
    ).toBeNull();
  });
});
