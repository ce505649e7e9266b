import {
  buildUnits,
  checkFaithfulness,
  digestArticle,
  parseArticle,
  type CardDraft as FactCard,
  type Unit,
} from "../../src/digest/index.js";
import type { EvalArticle } from "./bbc-dataset.js";
import { matchSummarySource, type SummaryMatch } from "./match-summary.js";
import { rougeNRecall } from "./rouge.js";
import { normalizeSentence, sentenceScore } from "./sentence-match.js";
import { textRankTop } from "./textrank.js";
import { truncateAtWord } from "./truncate-at-word.js";

export const SYSTEMS = ["ours", "lead3", "leadK", "textrankK"] as const;
export type SystemName = (typeof SYSTEMS)[number];

export interface SystemScore {
  precision: number;
  recall: number;
  rouge1: number;
  rouge2: number;
  chars: number;
}

export interface ArticleEval {
  id: string;
  card: FactCard | null;
  error: string | null;
  /** Source sentences the card used (also the k of the baselines). */
  k: number;
  /** Characters of summary + facts: the budget every baseline is cut to. */
  budget: number;
  scores: Record<SystemName, SystemScore>;
  summaryMatch: SummaryMatch | null;
  /** Why the card is not faithful; empty when it is. */
  violations: string[];
  units: Unit[];
}

/** What a card shows besides its headline. */
export function cardText(card: Pick<FactCard, "summary" | "facts">): string {
  return [card.summary, ...card.facts.map((f) => f.text)].join(" ");
}

/** Empty means the card passes the core's number check and every provenance sentence is verbatim. */
export function cardViolations(card: FactCard, articleText: string): string[] {
  const article = normalizeSentence(articleText);
  const issues = checkFaithfulness(card, articleText).map(
    (i) => `${i.field}: unsupported number(s) ${i.numbers.join(", ")}`,
  );
  card.facts.forEach((f, i) => {
    if (!article.includes(normalizeSentence(f.sentence)))
      issues.push(`facts[${i}].sentence not found verbatim in the article`);
  });
  return issues;
}

function score(
  sentences: string[],
  text: string,
  reference: string[],
  refText: string,
): SystemScore {
  const { precision, recall } = sentenceScore(sentences, reference);
  return {
    precision,
    recall,
    rouge1: rougeNRecall(text, refText, 1),
    rouge2: rougeNRecall(text, refText, 2),
    chars: text.length,
  };
}

/** Baseline picks (unit indices, best first) scored as sentences and as text cut to `budget`. */
function baseline(
  units: Unit[],
  picks: number[],
  budget: number,
  reference: string[],
  refText: string,
) {
  const chosen = picks.map((i) => units[i]!);
  const text = truncateAtWord(chosen.map((u) => u.text).join(" "), budget);
  return score(
    chosen.map((u) => u.source),
    text,
    reference,
    refText,
  );
}

const ZERO: SystemScore = { precision: 0, recall: 0, rouge1: 0, rouge2: 0, chars: 0 };

/**
 * Scores our card and the baselines on one article over the same units, so sentence identity is
 * shared. A missing card scores 0; the baselines then take k = 3 with no length cut.
 */
export function evaluateArticle(article: EvalArticle): ArticleEval {
  const units = buildUnits(parseArticle(article.text));
  const refText = article.reference.join(" ");
  const result = digestArticle({ source: article.id, text: article.text });
  const card = result.ok ? result.card : null;

  let ours = ZERO;
  let summaryMatch: SummaryMatch | null = null;
  let k = 3;
  let budget = Number.POSITIVE_INFINITY;
  if (card) {
    summaryMatch = matchSummarySource(
      card.summary,
      units.map((u) => u.text),
    );
    const used = [
      ...(summaryMatch ? [units[summaryMatch.index]!.source] : []),
      ...card.facts.map((f) => f.sentence),
    ];
    const distinct = [...new Set(used.map(normalizeSentence))];
    k = distinct.length;
    const text = cardText(card);
    budget = text.length;
    ours = score(distinct, text, article.reference, refText);
  }

  const byPosition = units.map((u) => u.index);
  const ranked = textRankTop(
    units.map((u) => u.content),
    k,
  );
  return {
    id: article.id,
    card,
    error: result.ok ? null : result.error.reason,
    k,
    budget,
    scores: {
      ours,
      lead3: baseline(units, byPosition.slice(0, 3), budget, article.reference, refText),
      leadK: baseline(units, byPosition.slice(0, k), budget, article.reference, refText),
      textrankK: baseline(units, ranked, budget, article.reference, refText),
    },
    summaryMatch,
    violations: card ? cardViolations(card, article.text) : [],
    units,
  };
}
