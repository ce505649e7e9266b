import { describe, expect, it } from "vitest";
import { telegramHtmlToWeb } from "../../src/adapters/http/index.js";
import {
  discordEmbedToWeb,
  discordMarkdownToHtml,
} from "../../src/adapters/http/discord-embed-to-web.js";

describe("telegramHtmlToWeb", () => {
  it("keeps Telegram's formatting tags and shows every other tag as text", () => {
    expect(
      telegramHtmlToWeb("<b>Bold</b> <i>it</i> <code>id</code>\n<script>alert(1)</script>"),
    ).toBe("<b>Bold</b> <i>it</i> <code>id</code>\n&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("keeps entities escaped and links only to http(s), with no attribute but href", () => {
    expect(telegramHtmlToWeb('&lt;img onerror=x&gt; <a href="javascript:alert(1)">x</a>')).toBe(
      "&lt;img onerror=x&gt; <a>x</a>",
    );
    expect(telegramHtmlToWeb('<a href="https://a.example/?q=1&amp;r=2" onclick="x">go</a>')).toBe(
      '<a href="https://a.example/?q=1&amp;r=2" rel="noreferrer noopener">go</a>',
    );
  });

  it("closes what Telegram HTML left open and drops stray closers", () => {
    expect(telegramHtmlToWeb("<b>open <i>nested</b> tail")).toBe("<b>open <i>nested tail</i></b>");
    expect(telegramHtmlToWeb("a</b> & b")).toBe("a &amp; b");
  });
});

describe("the Discord embed view", () => {
  it("undoes markdown escapes and draws emphasis, small lines and text as text", () => {
    expect(discordMarkdownToHtml("*2024-01-02 · Astana*\n\\*not italic\\* <b>")).toBe(
      "<em>2024-01-02 · Astana</em>\n*not italic* &lt;b&gt;",
    );
    expect(discordMarkdownToHtml("window.\\_\\_pwned \\# \\- 1")).toBe("window.__pwned # - 1");
    expect(discordMarkdownToHtml("-# **small** print")).toBe(
      "<small><strong>small</strong> print</small>",
    );
  });

  it("links the title only to http(s) and colours the bar from the embed", () => {
    const html = discordEmbedToWeb({
      title: "T",
      url: "javascript:alert(1)",
      description: "d",
      footer: { text: "<f>" },
      color: 0x3b82f6,
    });
    expect(html).toBe(
      '<div class="dc-embed" style="border-left-color:#3b82f6"><div class="dc-title">T</div><div class="dc-desc">d</div><div class="dc-footer">&lt;f&gt;</div></div>',
    );
  });
});
