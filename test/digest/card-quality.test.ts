import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildUnits,
  CARD_LIMITS,
  checkFaithfulness,
  digestArticle,
  CardDraft,
  parseArticle,
} from "../../src/digest/index.js";

const SEEDS = new URL("../../seeds/", import.meta.url).pathname;
const BBC = path.resolve(SEEDS, "../../shared/eval/bbc-news-summary/article");

function corpus(): Array<{ source: string; text: string }> {
  const seeds = readdirSync(SEEDS).map((f) => ({
    source: f,
    text: readFileSync(path.join(SEEDS, f), "utf8"),
  }));
  const bbc = readdirSync(BBC).flatMap((topic) =>
    readdirSync(path.join(BBC, topic)).map((f) => ({
      source: `${topic}/${f}`,
      text: readFileSync(path.join(BBC, topic, f), "utf8"),
    })),
  );
  return [...seeds, ...bbc];
}

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const articles = corpus();
const cards = articles.map((a) => ({ article: a, result: digestArticle(a) }));

describe("cards over the seeds and the 100 BBC articles", () => {
  it("every article gets a card that passes the schema", () => {
    const failed = cards.filter((c) => !c.result.ok).map((c) => c.article.source);
    expect(failed).toEqual([]);
    for (const c of cards)
      if (c.result.ok) expect(CardDraft.safeParse(c.result.card).success).toBe(true);
  });

  it("respects every length limit", () => {
    for (const { result } of cards) {
      if (!result.ok) continue;
      const { card } = result;
      expect(card.title.length).toBeLessThanOrEqual(CARD_LIMITS.titleChars);
      expect(card.summary.length).toBeLessThanOrEqual(CARD_LIMITS.summaryChars);
      expect(card.facts.length).toBeGreaterThanOrEqual(CARD_LIMITS.minFacts);
      expect(card.facts.length).toBeLessThanOrEqual(CARD_LIMITS.maxFacts);
      for (const f of card.facts) expect(f.text.length).toBeLessThanOrEqual(CARD_LIMITS.factChars);
      expect(card.facts.reduce((n, f) => n + f.text.length, 0)).toBeLessThanOrEqual(
        CARD_LIMITS.factsTotalChars,
      );
    }
  });

  it("states only numbers the article states, and cites each fact's verbatim source sentence", () => {
    for (const { article, result } of cards) {
      if (!result.ok) continue;
      expect(checkFaithfulness(result.card, article.text), article.source).toEqual([]);
      const text = collapse(article.text);
      for (const f of result.card.facts)
        expect(text, article.source).toContain(collapse(f.sentence));
    }
  });

  it("opens a fact with a pronoun only right after the sentence it refers to, never with a connective", () => {
    const pronoun =
      /^(?:it['’]s|he|she|it|its|they|their|this|these|those|that|such|his|her|we|our)\b/i;
    const connective = /^(?:however|but|and|also|meanwhile|moreover)\b/i;
    for (const { article, result } of cards) {
      if (!result.ok) continue;
      const units = buildUnits(parseArticle(article.text));
      const indexOf = (sentence: string) => units.findIndex((u) => u.source === sentence);
      const { facts, summary } = result.card;
      facts.forEach((fact, i) => {
        expect(fact.text, article.source).not.toMatch(connective);
        if (!pronoun.test(fact.text)) return;
        const before = units[indexOf(fact.sentence) - 1];
        const shownBefore = i > 0 ? facts[i - 1]!.sentence : null;
        const followsSummary =
          before !== undefined && summary.startsWith(before.text.split(" ").slice(0, 4).join(" "));
        expect(
          before?.source === shownBefore || followsSummary,
          `${article.source}: ${fact.text}`,
        ).toBe(true);
      });
    }
  });

  it("never repeats a fact or echoes the summary's sentence as a fact", () => {
    for (const { result } of cards) {
      if (!result.ok) continue;
      const texts = result.card.facts.map((f) => f.text);
      expect(new Set(texts).size).toBe(texts.length);
      expect(texts).not.toContain(result.card.summary);
    }
  });

  it("gives a short article fewer facts rather than repeating its summary", () => {
    const result = digestArticle({
      source: "floods.txt",
      text: [
        "FLOODS FORCE 10,000 FROM HOMES IN NORTHERN ITALY",
        "Heavy rain caused rivers to burst their banks across Emilia-Romagna on Tuesday, forcing more than 10,000 people to leave their homes, officials said.",
        "At least eight people died.",
        "Rail services between Bologna and Rimini were suspended.",
      ].join("\n"),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.card.summary).toMatch(/^Heavy rain caused rivers/);
    expect(result.card.facts.map((f) => f.text)).toEqual([
      "At least eight people died.",
      "Rail services between Bologna and Rimini were suspended.",
    ]);
  });

  it("is deterministic: same input, same cards and ids; line endings do not change the id", () => {
    for (const { article, result } of cards.slice(0, 20))
      expect(digestArticle(article)).toEqual(result);
    const seed = articles[0]!;
    const crlf = digestArticle({ ...seed, text: seed.text.replace(/\n/g, "\r\n") });
    const first = cards[0]!.result;
    expect(crlf.ok && first.ok && crlf.card.id === first.card.id).toBe(true);
  });
});

describe("the faithfulness guard", () => {
  const seed = articles.find((a) => a.source.startsWith("004"))!;
  const result = digestArticle(seed);
  if (!result.ok) throw new Error("seed 004 failed");

  it("catches a planted wrong number in any field, in any written form", () => {
    const planted = {
      ...result.card,
      title: `${result.card.title} (thirteen)`,
      summary: `${result.card.summary} It cost 2,024 tenge.`,
      facts: [
        { text: "Over 6,000 conscripts got 1.9 million tenge.", sentence: "x" },
        ...result.card.facts.slice(1),
      ],
    };
    expect(checkFaithfulness(planted, seed.text)).toEqual([
      { field: "title", numbers: ["thirteen"] },
      { field: "summary", numbers: ["2,024"] },
      { field: "facts[0]", numbers: ["6,000", "1.9 million"] },
    ]);
  });

  it("does not let the parts of a date vouch for a figure", () => {
    // Seed 004 is dated "2023-12-27" and states no 12 or 27 anywhere else.
    const card = {
      title: "Twelve exercises",
      summary: "27 missions",
      facts: [{ text: "In 2023 it held 24 exercises.", sentence: "x" }],
    };
    expect(checkFaithfulness(card, seed.text)).toEqual([
      { field: "title", numbers: ["Twelve"] },
      { field: "summary", numbers: ["27"] },
    ]);
  });

  it("accepts the same numbers in other forms: 3000 for 3,000, 1.8 million, seven", () => {
    const card = {
      title: "3000 placements",
      summary: "seven women and 1.8 million tenge",
      facts: [{ text: "$4 million", sentence: "x" }],
    };
    expect(checkFaithfulness(card, seed.text)).toEqual([]);
  });
});
