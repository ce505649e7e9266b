import { describe, expect, it } from "vitest";
import { digestArticle, parseArticle } from "../../src/digest/index.js";
import { fixedClock } from "../../src/lib/clock.js";
import { buildUnits, openingBlocks } from "../../src/digest/summarize/build-units.js";
import { buildCard } from "../../src/digest/summarize/build-card.js";
import { createCardBudget } from "../../src/digest/summarize/card-budget.js";
import { breakLongRuns, splitSentences } from "../../src/digest/summarize/split-sentences.js";
import { SUMMARY_BOUNDS } from "../../src/digest/summarize/summary-bounds.js";
import { factText } from "../../src/digest/summarize/fact-text.js";

const words = "the council said water prices rose again in march as the city plan went ahead".split(
  " ",
);
/** Many short sentences of common words: the shape that ran the bot out of heap. */
function shortSentences(count: number): string {
  const sentences = Array.from(
    { length: count },
    (_, i) => `The ${words[i % 15]} ${words[(i * 7) % 15]} ${words[(i * 3) % 15]} rose.`,
  );
  return `Prices rise again\n\n${sentences.join(" ")}`;
}

describe("the summarizer's bounds", () => {
  it("considers at most the first 200 sentences of an article of thousands", () => {
    const units = buildUnits(parseArticle(shortSentences(5_000)));
    expect(units).toHaveLength(SUMMARY_BOUNDS.maxSentences);
    expect(units[0]!.text).toBe("The the the the rose.");
  });

  it("reads only the opening characters, dropping the sentence the bound cuts", () => {
    const article = parseArticle(shortSentences(20));
    const blocks = openingBlocks(article.blocks, 60);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ kind: "prose", cut: true });
    expect(blocks[0]!.kind === "prose" && blocks[0]!.text.length).toBeLessThanOrEqual(60);
    expect(openingBlocks(article.blocks, 1e6)).toEqual(article.blocks);
  });

  it("hands the tokenizer no run without spaces longer than the token bound, offsets intact", () => {
    const spam = "'http://x'".repeat(1_500);
    const broken = breakLongRuns(spam);
    expect(broken).toHaveLength(spam.length);
    const longest = Math.max(...broken.split(" ").map((run) => run.length));
    expect(longest).toBeLessThanOrEqual(SUMMARY_BOUNDS.maxTokenChars);
    const [sentences] = splitSentences([`Spam follows: ${spam}`]);
    for (const s of sentences!) expect(`Spam follows: ${spam}`).toContain(s);
  });

  it("never offers a run-on sentence over the length bound as a fact", () => {
    const runOn = `The plan${", which x".repeat(200)} went ahead.`;
    const units = buildUnits(parseArticle(`Plan goes ahead\n\n${runOn}`));
    expect(units[0]!.text.length).toBeGreaterThan(SUMMARY_BOUNDS.maxSentenceChars);
    expect(factText(units[0]!, units, 140)).toBeNull();
  });

  it("stops compressing sentences once the card's compressions are spent", () => {
    const article = parseArticle(
      [
        "Council approves budget",
        "",
        "The city council approved a $4.2 million budget on Tuesday after a long debate.",
        "Roads get $1.5 million and schools get $2 million under the plan adopted last night.",
        "Parks get $0.7 million, the first rise for the city's parks in a decade of cuts.",
      ].join("\n"),
    );
    const clock = fixedClock("2024-01-01T00:00:00Z");
    const spent = buildCard("t.txt", article, createCardBudget({ clock, maxCompressions: 1 }));
    const full = buildCard("t.txt", article, createCardBudget({ clock }));
    if (!spent.ok || !full.ok) throw new Error("expected cards");
    expect(spent.card.facts).toHaveLength(0);
    expect(full.card.facts.length).toBeGreaterThan(0);
  });
});

describe("the per-article time budget", () => {
  it("skips an article that runs past its budget with a named error", () => {
    let now = Date.parse("2024-01-01T00:00:00Z");
    // Every look at the clock is a second later: the budget runs out between two steps.
    const clock = { now: () => new Date((now += 1_000)) };
    const result = digestArticle({ source: "slow.txt", text: shortSentences(50) }, { clock });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name).toBe("ArticleError");
    expect(result.error.message).toBe("slow.txt: took longer than 2000 ms to summarize; skipped");
  });

  it("cards the same article when the clock stands still", () => {
    const clock = fixedClock("2024-01-01T00:00:00Z");
    expect(digestArticle({ source: "ok.txt", text: shortSentences(50) }, { clock }).ok).toBe(true);
  });
});
