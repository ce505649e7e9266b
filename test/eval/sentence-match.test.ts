import { describe, expect, it } from "vitest";
import { sentenceScore } from "../../scripts/lib/sentence-match.js";

describe("sentenceScore", () => {
  const reference = ["Rates rose 2%.", "The bank said so.", "Markets fell."];

  it("scores chosen sentences against the reference, ignoring layout whitespace", () => {
    const score = sentenceScore(["Rates  rose\n2%.", "Markets fell.", "Nobody cared."], reference);
    expect(score).toEqual({ precision: 2 / 3, recall: 2 / 3, hits: 2 });
  });

  it("counts a sentence chosen twice once", () => {
    expect(sentenceScore(["Markets fell.", "Markets fell."], reference).precision).toBe(1);
  });

  it("does not match a sentence that is only part of a reference sentence", () => {
    expect(sentenceScore(["Rates rose"], reference).hits).toBe(0);
  });

  it("scores an empty selection 0", () => {
    expect(sentenceScore([], reference)).toEqual({ precision: 0, recall: 0, hits: 0 });
  });
});
