import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/sources/web/dom.js";
import { EMPTY_JSON_LD } from "../../../src/sources/web/json-ld.js";
import { readMetaTags } from "../../../src/sources/web/meta-tags.js";
import { readPublisher } from "../../../src/sources/web/publisher.js";

function publisher(head: string, jsonLdPublisher: string | null = null): string | null {
  const meta = readMetaTags(parseDocument(`<html><head>${head}</head><body></body></html>`));
  return readPublisher(meta, { ...EMPTY_JSON_LD, publisher: jsonLdPublisher });
}

describe("readPublisher", () => {
  it("takes og:site_name first", () => {
    expect(publisher('<meta property="og:site_name" content="BBC News">', "BBC")).toBe("BBC News");
  });

  it("skips a social handle and takes the JSON-LD publisher", () => {
    expect(publisher('<meta property="og:site_name" content="@politifact">', "PolitiFact")).toBe(
      "PolitiFact",
    );
  });

  it("names the site by the first item of a list", () => {
    expect(publisher('<meta property="og:site_name" content="Autoracing | F1 | Indy">')).toBe(
      "Autoracing",
    );
  });

  it("is null when nothing names the site", () => {
    expect(publisher("<title>x</title>")).toBeNull();
  });
});
