import { describe, expect, it } from "vitest";
import {
  renderTelegram,
  TELEGRAM_TEXT_LIMIT,
} from "../../src/adapters/telegram/render-telegram.js";
import { visibleLength } from "../../src/adapters/telegram/escape-html.js";
import { CARD_LIMITS } from "../../src/model/index.js";
import { makeCard } from "../fixtures/cards.js";

const context = {
  subscription: { id: "nwrau3", cron: "0 8 * * *", timezone: "UTC" },
  slot: new Date("2024-03-01T08:00:00Z"),
};
const long = (i: number) =>
  makeCard(i, {
    title: `${"Long headline ".repeat(40)}${i}`.slice(-CARD_LIMITS.titleChars),
    url: `https://news.example/${"x".repeat(500)}/${i}`,
    publisher: "P".repeat(300),
  });

describe("Telegram digest formats", () => {
  it("packs headlines one per line into messages within the limit, none cut or lost", () => {
    const cards = Array.from({ length: 60 }, (_, i) => long(i + 1));
    const messages = renderTelegram(cards, { ...context, format: "headlines" });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages)
      expect(visibleLength(m.html)).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    const lines = messages.flatMap((m) => m.html.split("\n")).filter((l) => l.startsWith("• "));
    expect(lines).toHaveLength(60);
    expect(lines.every((l) => /^• <a href="https:\/\/news\.example\/x+\/\d+">/.test(l))).toBe(true);
  });

  it("shows brief cards without facts and full cards with them", () => {
    const [brief] = renderTelegram([makeCard(1)], { ...context, format: "brief" });
    const [full] = renderTelegram([makeCard(1)], { ...context, format: "full" });
    expect(brief!.html).not.toContain("Fact one");
    expect(brief!.html).toContain("Summary sentence 1");
    expect(full!.html).toContain("Fact one");
  });
});
