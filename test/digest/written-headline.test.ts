import { describe, expect, it } from "vitest";
import { CARD_LIMITS, digestArticle } from "../../src/digest/index.js";
import { writeHeadline } from "../../src/digest/summarize/write-headline.js";

const LEADS = [
  "The Slovenian parliament on Friday approved a law raising the minimum wage by 7.5% to 1,360 euros a month from January, the government said.",
  "Norvik Therapeutics, Inc. (Nasdaq: NRVK) today announced that its experimental migraine drug NRV-210 cut the number of monthly migraine days by 4.8 days compared with 2.1 days for placebo in a Phase 2 trial of 312 patients.",
  "At least 14 people died when an overloaded passenger ferry capsized on Lake Tanganyika near the Tanzanian port of Kigoma on Sunday, officials said.",
  "Ministers said the government would not raise the retirement age for public sector workers born after 1970 under any of the options being considered by the independent commission this year.",
];

describe("headlines written from the lead", () => {
  it.each(LEADS)("is complete, within the limit and never ends in an ellipsis: %j", (lead) => {
    const title = writeHeadline(lead);
    expect(title.length).toBeLessThanOrEqual(CARD_LIMITS.titleChars);
    expect(title).not.toMatch(/…$/);
    expect(title).not.toMatch(/\b(?:the|a|an|of|to|in|on|at|by|for|and|or|announced|said)$/i);
    expect(title.split(/\s+/).length).toBeGreaterThanOrEqual(4);
  });

  it("drops the weekday to keep the figures of the lead", () => {
    expect(writeHeadline(LEADS[0]!)).toBe(
      "Slovenian parliament approved a law raising the minimum wage by 7.5% to 1,360 euros a month",
    );
  });

  it("drops a fact-free aside and 'today' from a press-release lead", () => {
    expect(
      writeHeadline(
        "Brightwell Foods, a maker of plant-based ready meals, today opened a £45 million production plant in Leeds that will create 350 jobs by the end of 2026.",
      ),
    ).toBe(
      "Brightwell Foods opened a £45 million production plant in Leeds that will create 350 jobs",
    );
  });

  it("does not just repeat the first words of the summary", () => {
    const text = [
      "Geneva (AFP) - Swiss voters on Sunday rejected a proposal to cut the public broadcaster's licence fee by almost half, with 57.4 percent voting against, official results showed.",
      "",
      "The initiative would have lowered the annual fee from 335 francs to 200 francs per household.",
      "",
      "Turnout was 49 percent, slightly above the average for national votes.",
      "",
      "Only four of the 26 cantons backed the proposal.",
    ].join("\n");
    const result = digestArticle({ source: "afp.txt", text });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { title, summary } = result.card;
    expect(title).toBe(
      "Swiss voters rejected a proposal to cut the public broadcaster's licence fee by almost half",
    );
    expect(summary.startsWith(title)).toBe(false);
  });
});
