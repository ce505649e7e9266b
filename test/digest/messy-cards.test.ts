import path from "node:path";
import { describe, expect, it } from "vitest";
import { CardDraft, digestArticle } from "../../src/digest/index.js";
import { readMessySet } from "../../scripts/lib/messy-gold.js";
import { checkCard } from "../../scripts/lib/messy-metrics.js";

const DIR = path.resolve(new URL(".", import.meta.url).pathname, "../fixtures/messy");
const articles = await readMessySet(DIR);
const checks = articles.map((a) => {
  const result = digestArticle({ source: a.id, text: a.text });
  return result.ok ? checkCard(a, result.card, null) : checkCard(a, null, result.error.reason);
});

describe("cards of the messy-layout set", () => {
  it("has at least 25 articles, each with a valid, faithful card", () => {
    expect(articles.length).toBeGreaterThanOrEqual(25);
    for (const c of checks) {
      expect(c.error, c.id).toBeNull();
      expect(CardDraft.safeParse(c.card).success, c.id).toBe(true);
      expect(c.violations, c.id).toEqual([]);
    }
  });

  it("gets every gold headline, date and dateline place", () => {
    const wrong = checks.flatMap((c) => [
      ...(c.titleOk === false || c.titleEllipsis ? [`${c.id} title: ${c.card?.title}`] : []),
      ...(c.dateOk === false ? [`${c.id} date: ${c.card?.date}`] : []),
      ...(c.placeOk === false ? [`${c.id} place: ${c.card?.place}`] : []),
    ]);
    expect(wrong).toEqual([]);
  });

  it("shows no page furniture, wire tag or correction note", () => {
    expect(checks.flatMap((c) => c.furniture.map((f) => `${c.id}: ${f}`))).toEqual([]);
  });

  it("gives the same card on every run", () => {
    for (const a of articles.slice(0, 8))
      expect(digestArticle({ source: a.id, text: a.text })).toEqual(
        digestArticle({ source: a.id, text: a.text }),
      );
  });
});
