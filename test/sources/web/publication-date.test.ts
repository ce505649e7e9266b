import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/sources/web/dom.js";
import { toIsoDate } from "../../../src/sources/web/iso-date.js";
import { readJsonLd } from "../../../src/sources/web/json-ld.js";
import { readMetaTags } from "../../../src/sources/web/meta-tags.js";
import { readPublicationDate } from "../../../src/sources/web/publication-date.js";

function date(head: string, body = ""): string | null {
  const document = parseDocument(`<html><head>${head}</head><body>${body}</body></html>`);
  return readPublicationDate(document, readMetaTags(document), readJsonLd(document));
}

describe("readPublicationDate", () => {
  it("takes the first publication over the update in JSON-LD", () => {
    const ld = {
      "@type": "NewsArticle",
      dateModified: "2024-03-09T10:00:00Z",
      datePublished: "2024-03-05T07:30:00+01:00",
    };
    expect(date(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`)).toBe(
      "2024-03-05",
    );
  });

  it("takes article:published_time over article:modified_time, whatever their order", () => {
    const head =
      '<meta property="article:modified_time" content="2024-03-09T10:00:00Z">' +
      '<meta property="article:published_time" content="2024-03-05T23:30:00-05:00">';
    expect(date(head)).toBe("2024-03-05");
  });

  it("skips a <time> marked as an update and takes the published one", () => {
    const body =
      '<p class="updated">Updated <time datetime="2024-03-09">9 March</time></p>' +
      '<p>Published <time datetime="2024-03-05T08:00">5 March</time></p>';
    expect(date("", body)).toBe("2024-03-05");
  });

  it("falls back to the modification date when nothing gives the first publication", () => {
    expect(date('<meta property="article:modified_time" content="2024-03-09T10:00:00Z">')).toBe(
      "2024-03-09",
    );
  });

  it("reads a 'Published:' line or an element classed as the publication date", () => {
    expect(date("", "<p>Published: Monday, November 18th, 2019 at 11:08 a.m.</p>")).toBe(
      "2019-11-18",
    );
    expect(
      date("", '<input class="published_date" type="hidden" value="2019-11-19 02:24:47">'),
    ).toBe("2019-11-19");
  });

  it("uses a <time> marked as an update only when nothing else dates the page", () => {
    expect(
      date("", '<li><time class="updated" datetime="2018-10-05T08:15:05+00:00">Oct 5</time></li>'),
    ).toBe("2018-10-05");
  });

  it("is null when the page carries no date", () => {
    expect(date("<title>x</title>", "<p>No date here.</p>")).toBeNull();
  });

  it("ignores malformed JSON-LD and reads the meta tags", () => {
    const head =
      '<script type="application/ld+json">{"@type": "NewsArticle", broken</script>' +
      '<meta name="pubdate" content="20240305">';
    expect(date(head)).toBe("2024-03-05");
  });
});

describe("toIsoDate", () => {
  it.each([
    ["2019-11-19T08:00:00-05:00", "2019-11-19"],
    ["2019/11/19", "2019-11-19"],
    ["November 19, 2019", "2019-11-19"],
    ["Tue, 19 Nov 2019 08:00:00 GMT", "2019-11-19"],
    ["19th November 2019", "2019-11-19"],
    ["1574150400", "2019-11-19"],
    ["2019-02-30", null],
    ["yesterday", null],
  ])("reads %s as %s", (raw, expected) => {
    expect(toIsoDate(raw)).toBe(expected);
  });
});
