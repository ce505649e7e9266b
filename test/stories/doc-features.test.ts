import { describe, expect, it } from "vitest";
import { countriesIn } from "../../src/stories/countries.js";
import { docFeatures } from "../../src/stories/doc-features.js";
import { developmentCues } from "../../src/stories/development-cues.js";
import { dayOfIso, findDates } from "../../src/stories/extract-dates.js";
import { datelinePlace, extractEntities } from "../../src/stories/extract-entities.js";
import { extractNumbers, extractScoreLines } from "../../src/stories/extract-numbers.js";
import { makeDoc } from "./make-doc.js";

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe("story features", () => {
  it("reads dates written several ways, taking a missing year from the reference year", () => {
    const text = "SEOUL, June 11 (Reuters) - ... Updated 17/06/2026 ... 19 June 2026 ... Aug. 19";
    expect(findDates(text, 2026).map((d) => iso(d.day))).toEqual([
      "2026-06-11",
      "2026-06-17",
      "2026-06-19",
      "2026-08-19",
    ]);
  });

  it("dates a report by its dateline and resolves 'on Monday' in the lead to the event day", () => {
    const doc = makeDoc(
      "a",
      "Storm toll rises\n\nUpdated 17/06/2026\n\nThe storm, which hit the coast on Monday, has killed 11.",
    );
    expect(docFeatures(doc).days.map(iso)).toEqual(["2026-06-17", "2026-06-15"]);
    expect(dayOfIso("2026-02-30")).toBeNull();
  });

  it("takes capitalised words inside sentences and dateline words as names, not common nouns", () => {
    const entities = extractEntities(
      "KIGOMA, Tanzania — The ferry sank near Kigoma. The High Court said the court would sit.",
    );
    expect([...entities].sort()).toEqual(["high", "kigoma", "tanzania"]);
    expect(datelinePlace("By Rosa Quispe\n\nPUERTO ESCONDIDO — Anselmo said")).toBe(
      "puerto escondido",
    );
  });

  it("normalises figures so that '2.00%' and '2 pct' match, and keeps a tennis score whole", () => {
    expect(extractNumbers("cut to 2.00% ... to 2 pct ... 1,412 per dollar in 2026")).toEqual([
      "2%",
      "2%",
      "1412",
    ]);
    expect(extractScoreLines("won 6-3 6-4 after Fiji's 31-17 win")).toEqual(["6-3 6-4", "31-17"]);
  });

  it("finds later-development cues in a lead and none in a first report", () => {
    expect([...developmentCues("The captain was charged with manslaughter last week")]).toEqual([
      "charges",
      "later",
    ]);
    expect(developmentCues("A ferry capsized on Sunday, killing 14 people").size).toBe(0);
  });

  it("names a country by its name or adjective, the longest name first", () => {
    expect([...countriesIn("Thai baht falls as Bank of Thailand cuts")]).toEqual(["Thailand"]);
    expect([...countriesIn("South Korean won and the U.S. dollar; a Greek island")]).toEqual([
      "South Korea",
      "United States",
      "Greece",
    ]);
    expect(countriesIn("Usually, a georgian house").size).toBe(0);
  });
});
