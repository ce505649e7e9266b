import { describe, expect, it } from "vitest";
import { textRankScores, textRankSimilarity, textRankTop } from "../../scripts/lib/textrank.js";

const words = (s: string) => s.split(" ");

describe("textRankSimilarity", () => {
  it("divides distinct shared words by the sum of log lengths", () => {
    expect(textRankSimilarity(words("a b c"), words("a b d e"))).toBeCloseTo(
      2 / (Math.log(3) + Math.log(4)),
      12,
    );
  });

  it("is 0 for one-word sentences, whose log lengths sum to 0", () => {
    expect(textRankSimilarity(["a"], ["a"])).toBe(0);
  });
});

describe("textRankTop", () => {
  // Sentence 2 is the hub: it shares a word with every other sentence, and they share none among themselves.
  const sentences = [
    "apple banana kiwi",
    "cherry date lime",
    "apple cherry grape melon",
    "grape pear plum",
  ].map(words);

  it("ranks the central sentence first even when it is not the lead", () => {
    expect(textRankTop(sentences, 1)).toEqual([2]);
  });

  it("converges to scores that sum to the number of sentences on a connected graph", () => {
    const scores = textRankScores(sentences);
    expect(scores.reduce((s, v) => s + v, 0)).toBeCloseTo(sentences.length, 4);
  });

  it("breaks ties by position", () => {
    expect(
      textRankTop(
        [
          ["x", "y"],
          ["p", "q"],
          ["m", "n"],
        ],
        3,
      ),
    ).toEqual([0, 1, 2]);
    // Sentences 0 and 1 are symmetric spokes of the same hub.
    expect(textRankTop(sentences.slice(0, 3), 3)).toEqual([2, 0, 1]);
  });

  it("returns no more than k indices, and none for k = 0", () => {
    expect(textRankTop(sentences, 2)).toHaveLength(2);
    expect(textRankTop(sentences, 0)).toEqual([]);
  });
});
