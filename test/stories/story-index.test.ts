import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock.js";
import { createStoryIndex } from "../../src/stories/index.js";
import { makeDoc } from "./make-doc.js";

const clock = fixedClock("2026-07-10T12:00:00.000Z");

const ferry = makeDoc(
  "ferry-a",
  `Ferry capsizes on Lake Kivu, killing 12

GOMA, July 9 (Reuters) - An overloaded ferry capsized on Lake Kivu near Goma on Thursday, killing 12 people, and rescuers were searching for 30 missing, the provincial governor Amani Lukeba said.

The MV Kivu Star was carrying about 200 passengers and sacks of charcoal when it overturned in strong winds near Idjwi island.`,
);
const ferryUpdate = makeDoc(
  "ferry-b",
  `Lake Kivu ferry toll rises to 15 as divers recover more bodies

GOMA — The death toll from the capsizing of the MV Kivu Star on Lake Kivu rose to 15 on Friday, governor Amani Lukeba said, as divers recovered three more bodies near Idjwi island.

Survivors said the ferry was overloaded with passengers and charcoal when the wind rose.`,
);
const ferryCharges = makeDoc(
  "ferry-c",
  `Captain of capsized Lake Kivu ferry charged with manslaughter

GOMA — The captain of the MV Kivu Star, the ferry that capsized on Lake Kivu last week near Idjwi island, was charged with manslaughter on Friday, prosecutors in Goma said.

Governor Amani Lukeba said the overloaded ferry had sailed despite a wind warning.`,
  { date: "2026-07-17" },
);

const bankA = makeDoc(
  "bank-a",
  `Bank of Chile cuts rate to 4.25%

SANTIAGO, July 8 (Reuters) - Chile's central bank cut its benchmark interest rate by 25 basis points to 4.25% on Wednesday, citing slowing inflation, and said further easing was possible.`,
);
const bankB = makeDoc(
  "bank-b",
  `Bank of Peru cuts rate to 3.75%

LIMA, July 9 (Reuters) - Peru's central bank cut its benchmark interest rate by 25 basis points to 3.75% on Thursday, citing slowing inflation, and said further easing was possible.`,
);

describe("createStoryIndex", () => {
  it("joins a later report of the same event with a risen toll, and flags the story as updated", () => {
    const index = createStoryIndex({ clock });
    const first = index.assign(ferry);
    const second = index.assign(ferryUpdate);
    expect(first).toEqual({ storyId: "ferry-a", isNew: true, updated: false, merged: [] });
    expect(second).toEqual({ storyId: "ferry-a", isNew: false, updated: true, merged: [] });
    const [story] = index.stories();
    expect(story?.cardIds).toEqual(["ferry-a", "ferry-b"]);
    expect(story?.keyFigures).toContainEqual({ label: "dead", value: "15" });
  });

  it("keeps two central banks cutting by 25 bp a day apart in two stories", () => {
    const index = createStoryIndex({ clock });
    index.assign(bankA);
    const b = index.assign(bankB);
    expect(b.isNew).toBe(true);
    expect(index.stories()).toHaveLength(2);
  });

  it("keeps charges filed a week after a disaster apart from the disaster", () => {
    const index = createStoryIndex({ clock });
    index.assign(ferry);
    index.assign(ferryUpdate);
    expect(index.assign(ferryCharges)).toMatchObject({ storyId: "ferry-c", isNew: true });
  });

  it("does not flag a report that repeats the same figures as an update", () => {
    const index = createStoryIndex({ clock });
    index.assign(ferryUpdate);
    const again = makeDoc("ferry-d", ferryUpdate.text, { publisher: "other" });
    expect(index.assign(again)).toEqual({
      storyId: "ferry-b",
      isNew: false,
      updated: false,
      merged: [],
    });
  });

  it("forgets a removed report and keeps the story id stable for the rest", () => {
    const index = createStoryIndex({ clock });
    index.assign(ferry);
    index.assign(ferryUpdate);
    expect(index.remove("ferry-a")).toBe(true);
    expect(index.remove("ferry-a")).toBe(false);
    expect(index.stories()).toMatchObject([{ id: "ferry-a", cardIds: ["ferry-b"] }]);
  });

  it("forgets stories with no report inside the window", () => {
    const later = fixedClock("2026-07-10T12:00:00.000Z");
    const index = createStoryIndex({ clock: later, windowDays: 3 });
    index.assign(ferry);
    later.set("2026-07-20T12:00:00.000Z");
    const fresh = index.assign({ ...ferryUpdate, arrivedAt: "2026-07-20T11:00:00.000Z" });
    expect(fresh.isNew).toBe(true);
    expect(index.stories().map((s) => s.id)).toEqual(["ferry-b"]);
  });

  it("joins two stories into the older one when a report shows they are one event", () => {
    const index = createStoryIndex({ clock });
    const survivor = makeDoc(
      "survivor",
      `'I held on to a sack of charcoal': a survivor's night

KALEHE — Espoir Bahati, a charcoal trader from Kalehe, spent three hours in the cold water clinging to a sack before fishermen in a pirogue pulled him out. His brother Jean-Claude is still missing.`,
    );
    expect(index.assign(ferry).isNew).toBe(true);
    expect(index.assign(survivor).isNew).toBe(true);
    const bridge = makeDoc(
      "bridge",
      `Lake Kivu ferry: what we know

GOMA — The MV Kivu Star capsized on Lake Kivu near Idjwi island on Thursday, killing 12 people, governor Amani Lukeba said. Survivor Espoir Bahati, a charcoal trader from Kalehe, clung to a sack of charcoal until fishermen in a pirogue pulled him out; his brother Jean-Claude is missing. About 200 passengers were on board.`,
    );
    expect(index.assign(bridge)).toMatchObject({ storyId: "ferry-a", merged: ["survivor"] });
    expect(index.stories().map((s) => [s.id, [...s.cardIds].sort()])).toEqual([
      ["ferry-a", ["bridge", "ferry-a", "survivor"]],
    ]);
  });
});
