import {
  SYSTEMS,
  type ArticleEval,
  type SystemName,
  type SystemScore,
} from "./evaluate-article.js";

export interface EvalSummary {
  articles: number;
  cards: number;
  failures: Array<{ id: string; reason: string }>;
  /** Macro averages over every article (a missing card scores 0 for ours). */
  means: Record<SystemName, SystemScore>;
  /** Over produced cards only. */
  meanFacts: number;
  meanK: number;
  faithful: number;
  violations: Array<{ id: string; issues: string[] }>;
}

function mean(values: number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
}

export function aggregateEval(evals: readonly ArticleEval[]): EvalSummary {
  const withCard = evals.filter((e) => e.card);
  const means = Object.fromEntries(
    SYSTEMS.map((name) => {
      const scores = evals.map((e) => e.scores[name]);
      const pick = (key: keyof SystemScore) => mean(scores.map((s) => s[key]));
      // Length is a property of what was shown, so it is averaged over produced cards only.
      const chars = mean(withCard.map((e) => e.scores[name].chars));
      return [
        name,
        {
          precision: pick("precision"),
          recall: pick("recall"),
          rouge1: pick("rouge1"),
          rouge2: pick("rouge2"),
          chars,
        },
      ];
    }),
  ) as Record<SystemName, SystemScore>;
  return {
    articles: evals.length,
    cards: withCard.length,
    failures: evals.flatMap((e) => (e.card ? [] : [{ id: e.id, reason: e.error ?? "no card" }])),
    means,
    meanFacts: mean(withCard.map((e) => e.card!.facts.length)),
    meanK: mean(withCard.map((e) => e.k)),
    faithful: withCard.filter((e) => e.violations.length === 0).length,
    violations: evals.flatMap((e) =>
      e.violations.length ? [{ id: e.id, issues: e.violations }] : [],
    ),
  };
}
