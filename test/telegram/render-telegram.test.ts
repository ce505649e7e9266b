import { describe, expect, it } from "vitest";
import {
  renderCardHtml,
  renderTelegram,
  renderTelegramBatches,
} from "../../src/adapters/telegram/index.js";
import { parseTelegramHtml } from "../fakes/telegram/index.js";
import { makeCard } from "../fixtures/cards.js";

describe("renderTelegram", () => {
  it("renders a card: bold headline, date and place, summary, fact bullets, source and id", async () => {
    expect(renderTelegram([makeCard(2)])).toMatchInlineSnapshot(`
      [
        {
          "html": "<b>Headline number 2 about the budget</b>
      2024-01-03 · Astana
      Summary sentence 2: the ministry allocated 3,000 places and 1.8 million tenge.
      • Fact one of card 2: 752 officers called up.
      • Fact two of card 2: 600 go to the Armed Forces.
      • Fact three of card 2: age limit of 29 years.
      <i>Source: article-2.txt</i> · ID <code>abc000000002</code>",
        },
      ]
    `);
  });

  it("leaves out the date line when a card has neither date nor place", async () => {
    const [message] = renderTelegram([makeCard(1, { date: null, place: null })]);
    expect(message!.html.split("\n").slice(0, 2)).toEqual([
      "<b>Headline number 1 about the budget</b>",
      "Summary sentence 1: the ministry allocated 3,000 places and 1.8 million tenge.",
    ]);
  });

  it("escapes every interpolated string, so the text shows literally", async () => {
    const card = makeCard(3, {
      title: `Tom & Jerry <script>alert("x")</script>`,
      summary: "a < b && c > d 'quoted'",
      source: "<evil>.txt",
      place: "R&D <lab>",
      facts: [{ text: "5 < 6 & 7 > 2", sentence: "s" }],
    });
    const [message] = renderTelegram([card]);
    expect(message!.html).toMatchInlineSnapshot(`
      "<b>Tom &amp; Jerry &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</b>
      2024-01-04 · R&amp;D &lt;lab&gt;
      a &lt; b &amp;&amp; c &gt; d &#39;quoted&#39;
      • 5 &lt; 6 &amp; 7 &gt; 2
      <i>Source: &lt;evil&gt;.txt</i> · ID <code>abc000000003</code>"
    `);
    expect(parseTelegramHtml(message!.html).text).toContain(
      `Tom & Jerry <script>alert("x")</script>`,
    );
  });

  it("packs cards into messages within the limit without splitting a card", async () => {
    const cards = Array.from({ length: 7 }, (_, i) => makeCard(i + 1));
    const longest = Math.max(...cards.map((c) => parseTelegramHtml(renderCardHtml(c)).text.length));
    // Room for two of the longest cards and the blank line between them, never three.
    const maxChars = longest * 2 + 2;
    const batches = renderTelegramBatches(cards, { maxChars });
    expect(batches.map((b) => b.cardCount)).toEqual([2, 2, 2, 1]);
    for (const batch of batches) {
      expect(parseTelegramHtml(batch.html).text.length).toBeLessThanOrEqual(maxChars);
      expect(batch.html.match(/<b>/g)).toHaveLength(batch.cardCount);
    }
  });

  it("drops a card's lowest-ranked facts, never cuts text, when the card alone is too long", async () => {
    const card = makeCard(1);
    const full = parseTelegramHtml(renderCardHtml(card)).text.length;
    const [message] = renderTelegram([card], { maxChars: full - 10 });
    const text = parseTelegramHtml(message!.html).text;
    expect(text).toContain(card.facts[0]!.text);
    expect(text).toContain(card.facts[1]!.text);
    expect(text).not.toContain("Fact three");
    expect(text).toContain(card.summary);
  });

  it("renders nothing for no cards, or the empty notice escaped", async () => {
    expect(renderTelegram([])).toEqual([]);
    expect(renderTelegram([], { emptyNotice: "No news <today>" })).toEqual([
      { html: "No news &lt;today&gt;" },
    ]);
  });
});
