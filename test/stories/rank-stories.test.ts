import { describe, expect, it } from "vitest";
import { rankStories, type Story } from "../../src/stories/index.js";

function story(
  id: string,
  sources: number,
  lastArrivedAt: string,
  bestSourceId = `s-${id}`,
): Story {
  const sourceIds = Array.from({ length: sources }, (_, i) =>
    i === 0 ? bestSourceId : `${id}-${i}`,
  );
  return {
    id,
    cardIds: sourceIds.map((s) => `${s}-card`),
    bestCardId: `${bestSourceId}-card`,
    bestSourceId,
    keyFigures: [],
    sourceIds,
    publishers: sourceIds,
    lastArrivedAt,
    fingerprint: "0",
  };
}

const now = new Date("2026-07-10T12:00:00.000Z");

describe("rankStories", () => {
  it("puts stories told by more sources first, then newer ones", () => {
    const ranked = rankStories(
      [
        story("one-source-new", 1, "2026-07-10T11:00:00.000Z"),
        story("four-sources", 4, "2026-07-10T09:00:00.000Z"),
        story("one-source-old", 1, "2026-07-09T11:00:00.000Z"),
      ],
      { now },
    );
    expect(ranked.map((s) => s.id)).toEqual(["four-sources", "one-source-new", "one-source-old"]);
  });

  it("lets a much older multi-source story fall below fresh news", () => {
    const ranked = rankStories(
      [
        story("old-big", 3, "2026-07-06T12:00:00.000Z"),
        story("fresh", 1, "2026-07-10T11:30:00.000Z"),
      ],
      { now },
    );
    expect(ranked.map((s) => s.id)).toEqual(["fresh", "old-big"]);
  });

  it("keeps at most two stories whose best card comes from one source", () => {
    const at = "2026-07-10T10:00:00.000Z";
    const ranked = rankStories(
      [
        story("w1", 1, at, "wire"),
        story("w2", 1, at, "wire"),
        story("w3", 1, at, "wire"),
        story("local", 1, at, "local"),
      ],
      { now, perSourceCap: 2 },
    );
    expect(ranked.map((s) => s.id)).toEqual(["local", "w1", "w2"]);
  });
});
