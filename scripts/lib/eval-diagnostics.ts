import { normalizeSentence } from "./sentence-match.js";
import type { ArticleEval } from "./evaluate-article.js";
import type { EvalArticle } from "./bbc-dataset.js";

export interface Diagnostics {
  /** Units that are not one whole line of a one-sentence-per-line article: split or merged wrongly. */
  badSplits: Array<{ id: string; unit: string }>;
  /** Reference sentences no unit equals, so no system can select them. */
  unreachable: Array<{ id: string; sentence: string }>;
  /** Summaries whose words are not all in the sentence they were matched to. */
  weakSummaryMatches: Array<{ id: string; coverage: number; summary: string; source: string }>;
  fewFacts: Array<{ id: string; facts: number }>;
  /** Facts opening with a pronoun or connective not shown right after the sentence it refers to. */
  danglingOpeners: Array<{ id: string; text: string }>;
}

const DANGLING =
  /^(?:it|its|they|their|them|this|these|that|those|he|she|his|her|but|and|however|also|so)\b/i;

export function diagnose(
  articles: readonly EvalArticle[],
  evals: readonly ArticleEval[],
): Diagnostics {
  const d: Diagnostics = {
    badSplits: [],
    unreachable: [],
    weakSummaryMatches: [],
    fewFacts: [],
    danglingOpeners: [],
  };
  evals.forEach((e, i) => {
    const article = articles[i]!;
    // Line 1 is the headline; every other non-blank line is one sentence (see the dataset README).
    const lines = new Set(
      article.text.split(/\r?\n/).slice(1).map(normalizeSentence).filter(Boolean),
    );
    const sources = new Set(e.units.map((u) => normalizeSentence(u.source)));
    for (const u of e.units)
      if (!lines.has(normalizeSentence(u.source))) d.badSplits.push({ id: e.id, unit: u.source });
    for (const r of article.reference)
      if (!sources.has(normalizeSentence(r))) d.unreachable.push({ id: e.id, sentence: r });
    if (!e.card) return;
    if (e.summaryMatch && e.summaryMatch.coverage < 1)
      d.weakSummaryMatches.push({
        id: e.id,
        coverage: e.summaryMatch.coverage,
        summary: e.card.summary,
        source: e.units[e.summaryMatch.index]!.text,
      });
    if (e.card.facts.length < 3) d.fewFacts.push({ id: e.id, facts: e.card.facts.length });
    const shownBefore = (i: number) =>
      i > 0
        ? e.card!.facts[i - 1]!.sentence
        : e.summaryMatch
          ? e.units[e.summaryMatch.index]!.source
          : null;
    e.card.facts.forEach((f, i) => {
      if (!DANGLING.test(f.text)) return;
      const at = e.units.findIndex((u) => u.source === f.sentence);
      // The core allows "It …" only right after the sentence "It" refers to.
      if (at > 0 && e.units[at - 1]!.source === shownBefore(i)) return;
      d.danglingOpeners.push({ id: e.id, text: f.text });
    });
  });
  return d;
}
