/** How sentences are compared with reference lines: layout whitespace does not count. */
export function normalizeSentence(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export interface SentenceScore {
  precision: number;
  recall: number;
  hits: number;
}

/**
 * Precision and recall of selected sentences against the reference sentences, each side deduped
 * after whitespace normalization. An empty selection scores 0 (nothing right was chosen).
 */
export function sentenceScore(
  selected: readonly string[],
  reference: readonly string[],
): SentenceScore {
  const chosen = new Set(selected.map(normalizeSentence).filter(Boolean));
  const gold = new Set(reference.map(normalizeSentence).filter(Boolean));
  let hits = 0;
  for (const s of chosen) if (gold.has(s)) hits++;
  return {
    precision: chosen.size ? hits / chosen.size : 0,
    recall: gold.size ? hits / gold.size : 0,
    hits,
  };
}
