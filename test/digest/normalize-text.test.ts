import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/digest/ingest/normalize-text.js";
import { stripMarkup } from "../../src/digest/ingest/strip-markup.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("normalizeText", () => {
  it("never decodes a surrogate entity into half a character", () => {
    expect(normalizeText("Prices &#xD800; rose &#55296; again &#x1F600;")).not.toMatch(
      LONE_SURROGATE,
    );
    expect(normalizeText("Smile &#x1F600;")).toBe("Smile 😀");
  });

  it("replaces a lone surrogate in the text and keeps whole pairs", () => {
    expect(normalizeText("a \uDC00 b \uD83D\uDE00 c \uD800")).toBe("a \uFFFD b 😀 c \uFFFD");
  });

  it("drops blanks at line ends, however long the run, and keeps inner ones", () => {
    const run = " ".repeat(10_000);
    expect(normalizeText(`a${run}\t\nb${run}x${run}`)).toBe(`a\nb${run}x`);
  });
});

describe("stripMarkup", () => {
  it("keeps a link's text when its URL holds a pair of parentheses", () => {
    expect(
      stripMarkup("See [Anna Smith](https://en.wikipedia.org/wiki/Anna_(singer)) today."),
    ).toBe("See Anna Smith today.");
  });

  it("leaves unclosed tags, brackets and emphasis marks as they are", () => {
    const soup = "<b<b<b x ![a](![a]( **a **a [a](http://[a](http:// end";
    expect(stripMarkup(soup)).toBe(soup);
  });

  it("still strips closed tags, links and emphasis", () => {
    expect(
      stripMarkup('<p class="x">**CUPERTINO** – [Vision Pro](https://apple.com) &amp; *more*</p>'),
    ).toBe("\nCUPERTINO – Vision Pro & more\n");
  });
});
