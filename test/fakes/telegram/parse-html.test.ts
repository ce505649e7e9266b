import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.js";
import { parseTelegramHtml } from "./parse-html.js";

const parseError = (html: string) => {
  try {
    parseTelegramHtml(html);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).description;
  }
  throw new Error(`expected ${JSON.stringify(html)} to be rejected`);
};

describe("parseTelegramHtml", () => {
  it("turns supported tags into entities with UTF-16 offsets", () => {
    const parsed = parseTelegramHtml(
      '😀 <b>bold</b> <i>it</i> <u>u</u> <s>s</s> <a href="https://e.com/?a=1&amp;b=2">link</a> <code>c</code>',
    );
    expect(parsed.text).toBe("😀 bold it u s link c");
    expect(parsed.entities).toEqual([
      { type: "bold", offset: 3, length: 4 },
      { type: "italic", offset: 8, length: 2 },
      { type: "underline", offset: 11, length: 1 },
      { type: "strikethrough", offset: 13, length: 1 },
      { type: "text_link", offset: 15, length: 4, url: "https://e.com/?a=1&b=2" },
      { type: "code", offset: 20, length: 1 },
    ]);
  });

  it("accepts the synonyms, spoilers, blockquotes and pre with a language", () => {
    const parsed = parseTelegramHtml(
      '<strong>a</strong><em>b</em><ins>c</ins><del>d</del><strike>e</strike><tg-spoiler>f</tg-spoiler><span class="tg-spoiler">g</span><blockquote>h</blockquote><pre><code class="language-ts">x</code></pre>',
    );
    expect(parsed.text).toBe("abcdefghx");
    expect(parsed.entities.map((e) => e.type)).toEqual([
      "bold",
      "italic",
      "underline",
      "strikethrough",
      "strikethrough",
      "spoiler",
      "spoiler",
      "blockquote",
      "pre",
    ]);
    expect(parsed.entities.at(-1)).toEqual({ type: "pre", offset: 8, length: 1, language: "ts" });
  });

  it("decodes the four named entities and numeric ones", () => {
    expect(parseTelegramHtml("&lt;script&gt; &amp; &quot;q&quot; &#39; &#x41;").text).toBe(
      `<script> & "q" ' A`,
    );
  });

  it("accepts a bare > as the real server does", () => {
    expect(parseTelegramHtml("a > b").text).toBe("a > b");
  });

  it("rejects a bare < or an unknown tag", () => {
    expect(parseError("1 < 2")).toBe(
      `Bad Request: can't parse entities: Unsupported start tag "" at byte offset 2`,
    );
    expect(parseError("x <script>alert(1)</script>")).toBe(
      `Bad Request: can't parse entities: Unsupported start tag "script" at byte offset 2`,
    );
    expect(parseError("line<br>")).toContain(`Unsupported start tag "br"`);
  });

  it("rejects a bare & or an unknown named entity", () => {
    expect(parseError("AT&T")).toBe(
      "Bad Request: can't parse entities: Character entity expected at byte offset 2",
    );
    expect(parseError("&nbsp;")).toContain("Character entity expected");
  });

  it("rejects unclosed, unmatched and stray end tags", () => {
    expect(parseError("<b>bold")).toBe(
      `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`,
    );
    expect(parseError("<b><i>x</b></i>")).toContain(`expected "</i>", found "</b>"`);
    expect(parseError("x</b>")).toContain("Unexpected end tag at byte offset 1");
    expect(parseError('<span class="x">y</span>')).toContain(`must have class "tg-spoiler"`);
  });

  it("reports byte offsets, not character offsets", () => {
    expect(parseError("Ж <x>")).toContain("at byte offset 3");
  });
});
