import type { CardDraft as FactCard } from "../../src/digest/index.js";
import { findNumbers, numberKey } from "../../src/digest/summarize/numbers.js";
import { cardViolations } from "./evaluate-article.js";
import { factRecall } from "./fact-recall.js";
import { furnitureIn } from "./messy-furniture.js";
import type { GoldArticle } from "./messy-gold.js";

const NEGATION = /\b(?:not|no|never|none|nor|neither|without|cannot)\b|n['’]t\b/i;

/** Every string a reader sees on the card. */
export function cardStrings(card: FactCard): string[] {
  return [card.title, card.summary, ...card.facts.map((f) => f.text)];
}

/** Numbers of `sentence` whose value is nowhere on the card. */
export function lostNumbers(sentence: string, card: FactCard): string[] {
  const shown = new Set(findNumbers(cardStrings(card).join("\n")).map((n) => numberKey(n.value)));
  return findNumbers(sentence)
    .filter((n) => !shown.has(numberKey(n.value)))
    .map((n) => n.raw);
}

/** The part of `sentence` after what an elided fact ("… words…") shows, or "" when not found. */
export function droppedTail(fact: { text: string; sentence: string }): string {
  const shown = fact.text.replace(/…$/, "").replace(/[\s,;:.]+$/, "");
  const words = shown.split(/\s+/);
  for (const n of [4, 2, 1]) {
    const end = words.slice(-n).join(" ");
    const at = fact.sentence.lastIndexOf(end);
    if (end && at >= 0) return fact.sentence.slice(at + end.length);
  }
  return "";
}

/** A fact cut with "…" that leaves out a number or a negation. */
export function isBadCut(fact: { text: string; sentence: string }): boolean {
  if (!fact.text.endsWith("…")) return false;
  const tail = droppedTail(fact);
  return findNumbers(tail).length > 0 || NEGATION.test(tail);
}

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^\p{L}\p{N}'%$£€]+/gu, " ")
    .trim();

export interface CardCheck {
  id: string;
  card: FactCard | null;
  error: string | null;
  factsFound: number;
  factsTotal: number;
  missedFacts: string[];
  /** Facts with a number of their own sentence that the card nowhere shows. */
  factsLosingNumbers: number;
  badCuts: number;
  furniture: string[];
  /** null where the gold has no value for this field. */
  titleOk: boolean | null;
  dateOk: boolean | null;
  placeOk: boolean | null;
  titleEllipsis: boolean;
  /** An unsupported number or a fact sentence not verbatim in the article; empty when faithful. */
  violations: string[];
}

/** Checks one card against its gold and the card-level guarantees. */
export function checkCard(
  article: GoldArticle,
  card: FactCard | null,
  error: string | null,
): CardCheck {
  const { gold } = article;
  const facts = gold.facts ?? [];
  const shown = card ? cardStrings(card).join("\n") : "";
  const recall = factRecall(shown, facts);
  const furniture = card
    ? cardStrings(card).flatMap((s) => furnitureIn(s).map((name) => `${name}: ${s.slice(0, 60)}`))
    : [];
  const title = card ? squash(card.title) : "";
  return {
    id: article.id,
    card,
    error,
    factsFound: recall.found.length,
    factsTotal: facts.length,
    missedFacts: recall.missed,
    factsLosingNumbers: card
      ? card.facts.filter((f) => lostNumbers(f.sentence, card).length > 0).length
      : 0,
    badCuts: card ? card.facts.filter(isBadCut).length : 0,
    furniture,
    titleOk: gold.title === null ? null : card !== null && title.includes(squash(gold.title)),
    dateOk: gold.date === undefined ? null : (card?.date ?? null) === gold.date,
    placeOk:
      gold.place === undefined
        ? null
        : (card?.place?.toLowerCase() ?? null) === (gold.place?.toLowerCase() ?? null),
    titleEllipsis: card?.title.endsWith("…") ?? false,
    violations: card ? cardViolations(card, article.text) : [],
  };
}
