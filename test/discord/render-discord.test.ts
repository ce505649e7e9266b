import { describe, expect, it } from "vitest";
import {
  embedLength,
  packEmbeds,
  renderCardEmbed,
  renderDiscord,
  renderText,
} from "../../src/adapters/discord/render-discord.js";
import { renderSource, renderSubscriptions } from "../../src/adapters/discord/render-replies.js";
import { validateMessage } from "../fakes/discord/fake-limits.js";
import { makeCard, sampleCards } from "../fixtures/cards.js";
import { bigCard } from "./big-cards.js";

const accepted = (part: object) => validateMessage(part as Record<string, unknown>, "create");

describe("renderDiscord", () => {
  it("renders a card as one embed: headline, dateline, summary, fact bullets, source footer", () => {
    expect(renderDiscord([sampleCards[1]!])).toMatchInlineSnapshot(`
      [
        {
          "allowed_mentions": {
            "parse": [],
          },
          "embeds": [
            {
              "color": 3900150,
              "description": "*2024-01-03 · Astana*

      Summary sentence 2: the ministry allocated 3,000 places and 1.8 million tenge.

      • Fact one of card 2: 752 officers called up.
      • Fact two of card 2: 600 go to the Armed Forces.
      • Fact three of card 2: age limit of 29 years.",
              "footer": {
                "text": "article-2.txt · abc000000002",
              },
              "title": "Headline number 2 about the budget",
            },
          ],
        },
      ]
    `);
  });

  it("escapes markdown in article text and leaves mentions to allowed_mentions", () => {
    const card = makeCard(3, {
      title: "**Breaking** _news_ for @everyone",
      place: null,
      date: null,
      summary: "# Not a heading\n- not a list [link](https://x.test) `code` ||spoiler||",
      facts: [{ text: "Prices ~rose~ 5*2 times", sentence: "s" }],
    });
    expect(renderCardEmbed(card)).toMatchInlineSnapshot(`
      {
        "color": 3900150,
        "description": "\\# Not a heading
      \\- not a list \\[link](https://x.test) \\\`code\\\` \\|\\|spoiler\\|\\|

      • Prices ~rose~ 5\\*2 times",
        "footer": {
          "text": "article-3.txt · abc000000003",
        },
        "title": "\\*\\*Breaking\\*\\* \\_news\\_ for @everyone",
      }
    `);
    expect(renderDiscord([card])[0]?.allowed_mentions).toEqual({ parse: [] });
  });

  it("packs cards into as few messages as the 6000-character limit allows, never splitting a card", () => {
    const cards = Array.from({ length: 12 }, (_, i) => bigCard(i + 1));
    const parts = renderDiscord(cards);
    const sizes = parts.map((p) => p.embeds.reduce((n, e) => n + embedLength(e), 0));
    expect(parts.map((p) => p.embeds.length)).toMatchInlineSnapshot(`
      [
        5,
        5,
        2,
      ]
    `);
    expect(sizes.every((s) => s <= 6000)).toBe(true);
    expect(parts.flatMap((p) => p.embeds.map((e) => e.footer?.text))).toEqual(
      cards.map((c) => `${c.source} · ${c.id}`),
    );
    for (const part of parts) {
      expect(accepted(part)).toBeNull();
      expect(part.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it("puts at most 10 embeds in a message", () => {
    const parts = renderDiscord(Array.from({ length: 23 }, (_, i) => makeCard(i + 1)));
    expect(parts.map((p) => p.embeds.length)).toEqual([10, 10, 3]);
    for (const part of parts) expect(accepted(part)).toBeNull();
  });

  it("drops the lowest-ranked facts of a card too large to fit, without cutting text", () => {
    const huge = makeCard(1, {
      summary: "S".repeat(2500),
      facts: [1, 2, 3, 4].map((n) => ({ text: `Fact ${n} ${"x".repeat(700)}`, sentence: "s" })),
    });
    const embed = renderCardEmbed(huge);
    expect(embed.description?.length).toBeLessThanOrEqual(4096);
    expect(embed.description).toContain("S".repeat(2500));
    expect(embed.description).toContain(`• Fact 1 ${"x".repeat(700)}`);
    expect(embed.description).toContain(`• Fact 2 ${"x".repeat(700)}`);
    expect(embed.description).not.toContain("Fact 3");
    expect(accepted(renderDiscord([huge])[0]!)).toBeNull();
  });

  it("renders an empty digest as the notice, or as nothing", () => {
    expect(renderDiscord([], { emptyNotice: "No news *today*" })).toEqual([
      { content: "No news \\*today\\*", embeds: [], allowed_mentions: { parse: [] } },
    ]);
    expect(renderDiscord([])).toEqual([]);
    expect(renderText("x".repeat(3000)).content?.length).toBe(2000);
  });

  it("greedy packing keeps order and starts a new message only when needed", () => {
    const e = (n: number) => ({ title: "t", description: "d".repeat(n - 1) });
    expect(packEmbeds([e(3000), e(2000), e(1500), e(500), e(6000)]).map((p) => p.length)).toEqual([
      2, 2, 1,
    ]);
  });
});

describe("reply renderers", () => {
  it("/source shows each fact with its sentence and leaves out pairs that do not fit", () => {
    const card = makeCard(4, {
      facts: Array.from({ length: 5 }, (_, i) => ({
        text: `Fact ${i}`,
        sentence: `${"y".repeat(1500)} ${i}`,
      })),
    });
    const embed = renderSource(card);
    expect(embed.description?.length).toBeLessThanOrEqual(4096);
    expect(embed.description).toContain(`> ${"y".repeat(1500)} 1`);
    expect(embed.description).not.toContain("Fact 2");
    expect(embed.description).toMatch(/…and 3 more facts$/);
  });

  it("lists subscriptions with channel links", () => {
    const sub = {
      id: "s1",
      target: { platform: "discord" as const, chatId: "123", threadId: null },
      cron: "0 8 * * *",
      timezone: "Europe/Berlin",
      count: 5,
      include: [],
      exclude: [],
      format: "full" as const,
      sourceIds: [],
      notifyEmpty: false,
      createdBy: "u",
      createdAt: new Date(0).toISOString(),
      active: false,
      consecutiveFailures: 3,
      lastSlot: null,
    };
    expect(renderSubscriptions([sub]).description).toMatchInlineSnapshot(
      `"**s1** · <#123> · daily 08:00 Europe/Berlin · 5 cards (paused after failures)"`,
    );
  });
});
