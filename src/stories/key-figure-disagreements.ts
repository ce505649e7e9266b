import { docFigures } from "./key-figures.js";
import type { FigureDisagreement, FigureReport, StoryDoc } from "../model/index.js";

/** Counted things the members report with different values ("12 dead" against "15 dead"). */
export function keyFigureDisagreements(members: readonly StoryDoc[]): FigureDisagreement[] {
  const byLabel = new Map<string, FigureReport[]>();
  for (const doc of members) {
    for (const figure of docFigures(doc)) {
      const reports = byLabel.get(figure.label) ?? [];
      if (!reports.some((r) => r.value === figure.value && r.publisher === doc.publisher)) {
        reports.push({ value: figure.value, publisher: doc.publisher, sentence: figure.sentence });
      }
      byLabel.set(figure.label, reports);
    }
  }
  return [...byLabel.entries()]
    .filter(([, reports]) => new Set(reports.map((r) => r.value)).size > 1)
    .map(([label, values]) => ({ label, values }));
}
