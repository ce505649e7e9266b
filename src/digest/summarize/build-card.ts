import { createHash } from "node:crypto";
import { CARD_LIMITS, CardDraft } from "../../model/index.js";
import type { ParsedArticle } from "../ingest/parse-article.js";
import { collapseWhitespace } from "../ingest/normalize-text.js";
import { buildUnits, type Unit } from "./build-units.js";
import { overBudgetReason, type CardBudget } from "./card-budget.js";
import { cutToFit } from "./compress-sentence.js";
import { extractTags } from "./extract-tags.js";
import { factText, type FactText } from "./fact-text.js";
import { numberKeys, unsupportedNumbers } from "./numbers.js";
import { scoreUnits } from "./score-units.js";
import { selectFacts } from "./select-facts.js";
import { contentWords, tokenize } from "./tokenize.js";
import { writeHeadline } from "./write-headline.js";

/** With its own headline the card can afford a tighter one-liner; without, the headline is cut from it. */
const SHORT_SUMMARY = 180;
/** Content words a summary must add beyond a headline written from the lead to be worth a line. */
const NEW_WORDS_IN_SUMMARY = 5;
/** Under the article's own headline, a lead is skipped only when it all but repeats the headline. */
const NEW_WORDS_UNDER_OWN_HEADLINE = 2;
/** The summary is the first of the leading sentences that reads on its own (news leads). */
const SUMMARY_WINDOW = 3;

export type BuildResult =
  { ok: true; card: CardDraft; units: Unit[] } | { ok: false; reason: string };

function standsAlone(candidate: FactText | null): string | null {
  return candidate && !candidate.needsPrevious ? candidate.text : null;
}

/**
 * The leading sentences that read on their own and state only the article's numbers, in order.
 * Lazy: compression is the costly step, and the first candidate usually serves as the summary too.
 */
function* standaloneLeads(
  units: readonly Unit[],
  faithful: (text: string) => boolean,
  budget: CardBudget,
): Generator<{ unit: Unit; text: string }> {
  for (const unit of units.filter((u) => !u.bullet).slice(0, SUMMARY_WINDOW)) {
    if (unit.list || unit.content.length < 5 || !budget.takeCompression()) continue;
    const text = standsAlone(factText(unit, units, CARD_LIMITS.summaryChars));
    if (text !== null && faithful(text)) yield { unit, text };
  }
}

/**
 * Turns a parsed article into a card: summary from the lead, facts by score with MMR, numbers
 * checked. The budget is checked between steps: an article over its time is a named failure.
 */
export function buildCard(source: string, article: ParsedArticle, budget: CardBudget): BuildResult {
  const overBudget = { ok: false, reason: overBudgetReason(budget.ms) } as const;
  const units = buildUnits(article);
  if (units.length === 0) return { ok: false, reason: "no sentence found" };
  const keys = numberKeys(article.text);
  const faithful = (text: string) => unsupportedNumbers(text, keys).length === 0;
  if (budget.expired()) return overBudget;
  const scores = scoreUnits(units, article.title);
  if (budget.expired()) return overBudget;

  const standalone = standaloneLeads(units, faithful, budget);
  const first = standalone.next();
  const lead = first.done ? { unit: units[0]!, text: units[0]!.text } : first.value;
  if (lead.text.length > CARD_LIMITS.summaryChars)
    return { ok: false, reason: "no sentence short enough for a summary" };

  let title =
    article.title && article.title.length <= CARD_LIMITS.titleChars
      ? article.title
      : writeHeadline(article.title ?? lead.unit.text);
  let titleFromLead = !article.title;
  if (!faithful(title)) [title, titleFromLead] = [writeHeadline(lead.text), true];
  if (!faithful(title)) return { ok: false, reason: "could not write a faithful headline" };

  // A headline written from the lead already says the lead: the summary then adds the next
  // sentence. Under the article's own headline the lead stays, unless it only repeats it.
  const titleWords = new Set(contentWords(tokenize(title)));
  const newWords = titleFromLead ? NEW_WORDS_IN_SUMMARY : NEW_WORDS_UNDER_OWN_HEADLINE;
  const addsToTitle = (text: string) =>
    contentWords(tokenize(text)).filter((w) => !titleWords.has(w)).length >= newWords;
  // The first standalone lead is `lead`; later ones are only worked out if it adds nothing.
  let summaryPick = lead;
  if (!first.done && !addsToTitle(lead.text)) {
    for (const candidate of standalone) {
      if (!addsToTitle(candidate.text)) continue;
      summaryPick = candidate;
      break;
    }
  }
  const summaryUnit = summaryPick.unit;
  let summary = summaryPick.text;
  if (article.title && summary.length > SHORT_SUMMARY)
    summary = cutToFit(summary, SHORT_SUMMARY, 60) ?? summary;
  // The lead is on the card when the headline was written from it or the summary is it.
  const taken = [...new Set([...(titleFromLead ? [lead.unit.index] : []), summaryUnit.index])];

  const chosen = selectFacts({ units, scores, taken, faithful, budget, shown: [summary] });
  if (budget.expired()) return overBudget;

  const card = CardDraft.safeParse({
    id: createHash("sha256").update(collapseWhitespace(article.text)).digest("hex").slice(0, 12),
    source,
    title,
    date: article.date,
    place: article.place,
    summary,
    facts: chosen.map((c) => c.fact),
    tags: extractTags(units, title),
  });
  if (!card.success)
    return {
      ok: false,
      reason: `card failed validation: ${card.error.issues[0]?.message ?? "invalid"}`,
    };
  return { ok: true, card: card.data, units };
}
