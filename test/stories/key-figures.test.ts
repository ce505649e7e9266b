import { describe, expect, it } from "vitest";
import {
  keyFigureDisagreements,
  storyFingerprint,
  storyKeyFigures,
} from "../../src/stories/index.js";
import { makeDoc } from "./make-doc.js";

const a = makeDoc(
  "a",
  "Quake kills 12 in Arequipa\n\nA strong earthquake killed 12 people in southern Peru on Friday.\n\nAbout 300 homes were damaged.",
  { publisher: "Wire" },
);
const b = makeDoc(
  "b",
  "Peru quake: 15 dead, 40 injured\n\nThe toll from Friday's quake rose to 15, officials said.\n\nOfficials said 40 people were injured.",
  { publisher: "Daily" },
);

describe("keyFigureDisagreements", () => {
  it("reports members that give different figures for the same thing, with their sentences", () => {
    expect(keyFigureDisagreements([a, b])).toEqual([
      {
        label: "dead",
        values: [
          { value: "12", publisher: "Wire", sentence: "Quake kills 12 in Arequipa" },
          { value: "15", publisher: "Daily", sentence: "Peru quake: 15 dead, 40 injured" },
        ],
      },
    ]);
  });

  it("finds nothing when the members agree", () => {
    expect(keyFigureDisagreements([b, { ...b, cardId: "c", publisher: "Other" }])).toEqual([]);
  });
});

describe("storyFingerprint", () => {
  it("changes when the toll rises and not when a report repeats the figures", () => {
    const before = storyFingerprint([a]);
    expect(storyFingerprint([a, { ...a, cardId: "a2", publisher: "Copy" }])).toBe(before);
    expect(storyFingerprint([a, b])).not.toBe(before);
  });
});

describe("figures written in words", () => {
  it("reads a hyphenated number as one figure, not its last word", () => {
    const doc = makeDoc(
      "w",
      "Ferry capsizes\n\nNinety-six people were rescued, most by fishermen.\n\nTwenty-three passengers died.",
    );
    expect(storyKeyFigures([doc])).toEqual([
      { label: "dead", value: "23" },
      { label: "rescued", value: "96" },
    ]);
  });
});
