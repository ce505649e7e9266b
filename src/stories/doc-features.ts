import { countriesIn } from "./countries.js";
import { developmentCues } from "./development-cues.js";
import { dayOfIso, findDates, findWeekdays } from "./extract-dates.js";
import { datelinePlace, extractEntities } from "./extract-entities.js";
import { extractNumbers, extractRates, extractScoreLines } from "./extract-numbers.js";
import type { StoryDoc } from "../model/index.js";
import { contentWords, countTerms, foldDiacritics, foldPlural } from "./tokenize.js";

/** What the index keeps of a report to compare it with others. */
export interface DocFeatures {
  cardId: string;
  /** Counts of content words, `@entity` and `#number` tokens. */
  terms: Map<string, number>;
  /** Entities of the headline: the names a report of the same event also gives. */
  titleEntities: Set<string>;
  /** Rates and score lines of the headline, of the headline and lead, and of the whole text. */
  titleFixed: Set<string>;
  leadFixed: Set<string>;
  allFixed: Set<string>;
  /** The day of the news moment (days since the epoch) and the day the event happened, when known. */
  days: number[];
  cues: Set<string>;
  /** Countries named in the headline and first sentence: where the event is. */
  countries: Set<string>;
  /** The upper-case dateline place, folded ("puerto escondido"), or null. */
  place: string | null;
  arrivedDay: number;
  /** The TF-IDF norm and the collection size it was computed at (a cache). */
  norm?: { docs: number; value: number };
}

const LEAD_CHARS = 450;
const HEADER_CHARS = 160;
/** Headline plus about one sentence: the countries named there are where the event happened. */
const FIRST_SENTENCE_CHARS = 300;

function fullText(doc: StoryDoc): string {
  const text = doc.text.trim();
  return doc.title && !text.startsWith(doc.title) ? `${doc.title}\n\n${text}` : text;
}

/** The publication day: the card's date, a date in the header or dateline, or a date line at the end. */
function publicationDay(doc: StoryDoc, text: string, refYear: number): number | null {
  if (doc.date) return dayOfIso(doc.date);
  const header = findDates(text.slice(0, HEADER_CHARS), refYear)[0];
  if (header) return header.day;
  const lastLine = text.trimEnd().split("\n").at(-1) ?? "";
  if (lastLine.length < 40) return findDates(lastLine, refYear)[0]?.day ?? null;
  return null;
}

function titleWords(title: string): string[] {
  return foldDiacritics(title)
    .toLowerCase()
    .split(/[^\p{L}'’]+/u)
    .map((w) => foldPlural(w.replace(/['’]s$/, "").replace(/['’]/g, "")));
}

function fixedFigures(text: string): Set<string> {
  return new Set([...extractRates(text), ...extractScoreLines(text)]);
}

export function docFeatures(doc: StoryDoc): DocFeatures {
  const text = fullText(doc);
  const lead = text.slice(0, LEAD_CHARS);
  const arrivedDay = dayOfIso(doc.arrivedAt) ?? 0;
  const refYear = Number((doc.date ?? doc.arrivedAt).slice(0, 4)) || 2000;
  const entities = extractEntities(text);
  const terms = countTerms([
    ...contentWords(text),
    ...[...entities].map((e) => `@${e}`),
    ...extractNumbers(text).map((n) => `#${n}`),
  ]);
  const pub = publicationDay(doc, text, refYear);
  const days: number[] = [];
  if (pub !== null) {
    days.push(pub);
    const happened = findWeekdays(lead, pub).filter((d) => pub - d <= 6);
    if (happened.length > 0) days.push(Math.min(...happened));
  }
  return {
    cardId: doc.cardId,
    terms,
    titleEntities: new Set(
      titleWords(doc.title || text.slice(0, 120)).filter((w) => entities.has(w)),
    ),
    titleFixed: fixedFigures(doc.title),
    leadFixed: fixedFigures(lead),
    allFixed: fixedFigures(text),
    days,
    cues: developmentCues(lead),
    place: datelinePlace(text),
    countries: countriesIn(text.slice(0, FIRST_SENTENCE_CHARS)),
    arrivedDay,
  };
}
