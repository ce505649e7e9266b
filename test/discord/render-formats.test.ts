import { describe, expect, it } from "vitest";
import { DISCORD_LIMITS as L } from "../../src/adapters/discord/discord-limits.js";
import { embedLength, renderDiscord } from "../../src/adapters/discord/render-discord.js";
import { CARD_LIMITS } from "../../src/model/index.js";
import { makeCard } from "../fixtures/cards.js";

const context = {
  subscription: { id: "nwrau3", cron: "0 8 * * *", timezone: "UTC" },
  slot: new Date("2024-03-01T08:00:00Z"),
};
const long = (i: number) =>
  makeCard(i, {
    title: `[Live] ${i} ${"Long *headline* ".repeat(40)}`.slice(0, CARD_LIMITS.titleChars).trim(),
    url: `https://news.example/${"x".repeat(500)}/${i}`,
    publisher: "P".repeat(300),
  });

describe("Discord digest formats", () => {
  it("packs headlines into embeds within every message limit, none cut or lost", () => {
    const cards = Array.from({ length: 80 }, (_, i) => long(i + 1));
    const messages = renderDiscord(cards, { ...context, format: "headlines" });
    const lines: string[] = [];
    for (const m of messages) {
      expect(m.embeds.length).toBeLessThanOrEqual(L.embedsPerMessage);
      expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(L.embedsTotal);
      expect((m.content ?? "").length).toBeLessThanOrEqual(L.content);
      for (const e of m.embeds) {
        expect(e.description!.length).toBeLessThanOrEqual(L.description);
        lines.push(...e.description!.split("\n"));
      }
    }
    expect(lines).toHaveLength(80);
    // Brackets in a headline are escaped so the masked link stays one link.
    expect(lines[0]).toMatch(/^• \[\\\[Live\\\] 1 Long \\\*headline\\\*/);
    expect(lines.every((l) => /\]\(https:\/\/news\.example\/x+\/\d+\) — \*P+\*$/.test(l))).toBe(
      true,
    );
  });

  it("shows brief cards as embeds with the summary only", () => {
    const [message] = renderDiscord([makeCard(1, { url: "https://a.example/1" })], {
      ...context,
      format: "brief",
    });
    expect(message!.embeds[0]).toMatchObject({
      title: "Headline number 1 about the budget",
      url: "https://a.example/1",
      description: "Summary sentence 1: the ministry allocated 3,000 places and 1.8 million tenge.",
    });
  });
});
