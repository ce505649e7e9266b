import { describe, expect, it } from "vitest";
import { rougeNRecall, rougeTokens } from "../../scripts/lib/rouge.js";

describe("rougeNRecall", () => {
  const reference = "The cat sat on the mat.";
  const candidate = "the cat was on the mat the";

  it("counts unigram recall with clipping on a hand-computed example", () => {
    // Reference unigrams: the x2, cat, sat, on, mat (6). Candidate has the x3 (clipped to 2), cat, on, mat: 5/6.
    expect(rougeNRecall(candidate, reference, 1)).toBeCloseTo(5 / 6, 12);
  });

  it("counts bigram recall on the same example", () => {
    // Reference bigrams: the cat, cat sat, sat on, on the, the mat (5); the candidate has 3 of them.
    expect(rougeNRecall(candidate, reference, 2)).toBeCloseTo(3 / 5, 12);
  });

  it("never credits a repeated candidate word more often than the reference has it", () => {
    expect(rougeNRecall("the the the the", "the cat", 1)).toBe(0.5);
  });

  it("ignores case and punctuation", () => {
    expect(rougeTokens("The CAT, sat.")).toEqual(["the", "cat", "sat"]);
    expect(rougeNRecall("THE cat!", "the cat", 2)).toBe(1);
  });

  it("scores 0 against a reference too short to have n-grams", () => {
    expect(rougeNRecall("a b", "a", 2)).toBe(0);
  });
});
