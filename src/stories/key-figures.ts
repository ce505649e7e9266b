import { TENS_NUMBER_WORDS, UNIT_NUMBER_WORDS } from "../lib/index.js";
import type { KeyFigure, StoryDoc } from "../model/index.js";

const WORD_NUMBERS: Record<string, number> = {
  ...UNIT_NUMBER_WORDS,
  ...TENS_NUMBER_WORDS,
  hundred: 100,
};

const TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const UNITS = "one|two|three|four|five|six|seven|eight|nine";

const LABELS: Record<string, string> = {
  dead: "dead",
  deaths: "dead",
  death: "dead",
  killed: "dead",
  died: "dead",
  bodies: "dead",
  injured: "injured",
  wounded: "injured",
  hurt: "injured",
  missing: "missing",
  unaccounted: "missing",
  evacuated: "evacuated",
  displaced: "evacuated",
  evacuees: "evacuated",
  rescued: "rescued",
  survivors: "rescued",
  cases: "cases",
  seats: "seats",
  jobs: "jobs",
  stores: "stores",
  arrested: "arrested",
};

// Not after a letter or hyphen: "ninety-six" is 96, never "six".
const NUM = String.raw`(?<![\p{L}-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:${TENS})-(?:${UNITS})|${Object.keys(WORD_NUMBERS).join("|")})`;
const LABEL = `(${Object.keys(LABELS).join("|")})`;
const FORWARD = new RegExp(
  String.raw`\b${NUM}\s+(?:(?!more\b|further\b|additional\b|other\b)[\p{L}-]+\s+){0,3}?${LABEL}\b`,
  "giu",
);
const TOLL = new RegExp(
  String.raw`\b(?:death toll|toll)\b[^.;]{0,80}?\b(?:to|at|of|reached|stood at)\s+(?:at least\s+)?${NUM}\b`,
  "giu",
);
const KILLING = new RegExp(
  String.raw`\b(?:killing|killed|kills)\s+(?:at least\s+|about\s+|some\s+)?${NUM}\b`,
  "giu",
);

function toValue(raw: string): string {
  const words = raw.toLowerCase().split("-");
  if (words.every((w) => WORD_NUMBERS[w] !== undefined)) {
    return String(words.reduce((sum, w) => sum + WORD_NUMBERS[w]!, 0));
  }
  return raw.replace(/,/g, "");
}

export interface FoundFigure extends KeyFigure {
  sentence: string;
}

/** Counted things in a sentence: "11 confirmed dead", "the toll rose to 23", "killing five". */
export function figuresInSentence(sentence: string): FoundFigure[] {
  const found = new Map<string, FoundFigure>();
  const add = (label: string, raw: string) => {
    if (!found.has(label)) found.set(label, { label, value: toValue(raw), sentence });
  };
  for (const m of sentence.matchAll(TOLL)) add("dead", m[1]!);
  for (const m of sentence.matchAll(KILLING)) add("dead", m[1]!);
  for (const m of sentence.matchAll(FORWARD)) add(LABELS[m[2]!.toLowerCase()]!, m[1]!);
  return [...found.values()];
}

/** The card's own words: headline, summary and facts, the sentences a reader sees. */
export function docFigures(doc: StoryDoc): FoundFigure[] {
  const seen = new Map<string, FoundFigure>();
  for (const sentence of [doc.title, doc.summary, ...doc.facts]) {
    for (const figure of figuresInSentence(sentence)) {
      if (!seen.has(figure.label)) seen.set(figure.label, figure);
    }
  }
  return [...seen.values()];
}

/** Orders reports by news time: the card date, then arrival, then the order given. */
export function newsOrder(docs: readonly StoryDoc[]): StoryDoc[] {
  return docs
    .map((doc, i) => ({ doc, i }))
    .sort(
      (a, b) =>
        (a.doc.date ?? "").localeCompare(b.doc.date ?? "") ||
        a.doc.arrivedAt.localeCompare(b.doc.arrivedAt) ||
        a.i - b.i,
    )
    .map(({ doc }) => doc);
}

/** The latest reported value of each counted thing across a story's members. */
export function storyKeyFigures(members: readonly StoryDoc[]): KeyFigure[] {
  const latest = new Map<string, string>();
  for (const doc of newsOrder(members)) {
    for (const { label, value } of docFigures(doc)) latest.set(label, value);
  }
  return [...latest.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, value]) => ({ label, value }));
}
