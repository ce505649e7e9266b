import { createHash } from "node:crypto";
import { CARD_LIMITS, FactCard, type Fact } from "../card.js";
import type { ParsedArticle } from "../ingest/parse-article.js";
import { collapseWhitespace } from "../ingest/normalize-text.js";
import { buildUnits, type Unit } from "./build-units.js";
import { compressSentence, cutToFit } from "./compress-sentence.js";
import { extractTags } from "./extract-tags.js";
import { formatList } from "./format-list.js";
import { numberKeys, unsupportedNumbers } from "./numbers.js";
import { resolvePersonPronoun } from "./resolve-pronoun.js";
import { scoreUnits, startsWithPronoun } from "./score-units.js";
import { contentWords, tokenize } from "./tokenize.js";
import { writeHeadline } from "./write-headline.js";

/** Redundancy penalty for MMR: how much a candidate may repeat what the card already says. */
const MMR_LAMBDA = 0.3;
const SHORT_SUMMARY = 180;

export type BuildResult =
  { ok: true; card: FactCard; units: Unit[] } | { ok: false; reason: string };

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.min(a.size, b.size);
}

/** The text a unit contributes as a fact, or null when it cannot stand alone within `max`. */
function factText(unit: Unit, units: readonly Unit[], max: number): string | null {
  if (unit.list) return formatList(unit.list, max);
  const previous = units.slice(Math.max(0, unit.index - 2), unit.index).map((u) => u.text);
  const resolved = resolvePersonPronoun(unit.text, previous);
  if (resolved === null) return null;
  const text = compressSentence(resolved, max);
  if (text === null || startsWithPronoun({ tokens: tokenize(text) })) return null;
  return text;
}

/** Turns a parsed article into a card: summary from the lead, facts by score with MMR, numbers checked. */
export function buildCard(source: string, article: ParsedArticle): BuildResult {
  const units = buildUnits(article);
  if (units.length === 0) return { ok: false, reason: "no sentence found" };
  const keys = numberKeys(article.text);
  const faithful = (text: string) => unsupportedNumbers(text, keys).length === 0;
  const scores = scoreUnits(units, article.title);

  const summaryUnit =
    units
      .slice(0, 3)
      .find(
        (u) => !u.list && u.content.length >= 5 && factText(u, units, CARD_LIMITS.summaryChars),
      ) ?? units[0]!;
  let summary = factText(summaryUnit, units, CARD_LIMITS.summaryChars);
  if (!summary || !faithful(summary))
    summary = summaryUnit.text.length <= CARD_LIMITS.summaryChars ? summaryUnit.text : null;
  if (!summary) return { ok: false, reason: "no sentence short enough for a summary" };
  // With its own headline the card can afford a tighter one-liner; without, the headline is cut from it.
  if (article.title && summary.length > SHORT_SUMMARY)
    summary = cutToFit(summary, SHORT_SUMMARY, 60) ?? summary;

  let title =
    article.title && article.title.length <= CARD_LIMITS.titleChars
      ? article.title
      : writeHeadline(article.title ?? summaryUnit.text);
  if (!faithful(title)) title = writeHeadline(summary);
  if (!faithful(title)) return { ok: false, reason: "could not write a faithful headline" };

  const chosen: Array<{ unit: Unit; fact: Fact }> = [];
  const sets = units.map((u) => new Set(u.content));
  const used = new Set<number>([summaryUnit.index]);
  const selected = [summaryUnit.index];
  let budget: number = CARD_LIMITS.factsTotalChars;
  const candidates = units.filter((u) => u.index !== summaryUnit.index);
  while (chosen.length < CARD_LIMITS.maxFacts) {
    let best: { unit: Unit; text: string; value: number } | null = null;
    for (const unit of candidates) {
      if (used.has(unit.index)) continue;
      const redundancy = Math.max(0, ...selected.map((i) => overlap(sets[unit.index]!, sets[i]!)));
      const value = scores[unit.index]! - MMR_LAMBDA * redundancy;
      if (best && value <= best.value) continue;
      const text = factText(unit, units, Math.min(CARD_LIMITS.factChars, budget));
      if (text && faithful(text)) best = { unit, text, value };
      else used.add(unit.index);
    }
    if (!best) break;
    used.add(best.unit.index);
    selected.push(best.unit.index);
    budget -= best.text.length;
    chosen.push({ unit: best.unit, fact: { text: best.text, sentence: best.unit.source } });
  }
  // Short articles: the lead may double as a fact so a card still has its three.
  if (chosen.length < CARD_LIMITS.minFacts) {
    const text = factText(summaryUnit, units, Math.min(CARD_LIMITS.factChars, budget));
    if (text && faithful(text))
      chosen.push({ unit: summaryUnit, fact: { text, sentence: summaryUnit.source } });
  }

  const card = FactCard.safeParse({
    id: createHash("sha256").update(collapseWhitespace(article.text)).digest("hex").slice(0, 12),
    source,
    title,
    date: article.date,
    place: article.place,
    summary,
    facts: chosen.map((c) => c.fact),
    tags: extractTags(units, new Set(contentWords(tokenize(title)))),
  });
  if (!card.success)
    return {
      ok: false,
      reason: `card failed validation: ${card.error.issues[0]?.message ?? "invalid"}`,
    };
  return { ok: true, card: card.data, units };
}
