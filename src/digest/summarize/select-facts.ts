import { CARD_LIMITS, type Fact } from "../../model/index.js";
import type { Unit } from "./build-units.js";
import type { CardBudget } from "./card-budget.js";
import { factText, type FactText } from "./fact-text.js";
import { collapseWhitespace } from "../ingest/normalize-text.js";
import { contentWords, tokenize } from "./tokenize.js";

/** MMR redundancy penalty on the 0..1 score scale; tuned on the BBC sample and the seeds (docs/quality.md). */
export const MMR_LAMBDA = 0.15;
/** How much a fact is worth less for the share of its sentence's content that compression cut. */
const RETENTION_WEIGHT = 0.3;

/** Share of the unit's content words the shown text still carries. */
function retained(unit: Unit, text: string): number {
  if (unit.content.length === 0) return 1;
  const shown = new Set(contentWords(tokenize(text)));
  return unit.content.filter((w) => shown.has(w)).length / unit.content.length;
}

/** How two texts compare for repetition: case and spacing aside. */
function sameTextKey(text: string): string {
  return collapseWhitespace(text).toLowerCase();
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.min(a.size, b.size);
}

/**
 * Greedy MMR over scored units. A unit that opens with a pronoun becomes eligible only once the
 * sentence before it is in the card, so its referent is always shown just before it. Selection
 * stops when the best remaining fact no longer fits the card's budget (a shorter, weaker fact is
 * not worth it). Facts come back in reading order.
 */
export function selectFacts(input: {
  units: readonly Unit[];
  scores: readonly number[];
  /** Units the card already shows (the lead behind the title, the summary's sentence). */
  taken: readonly number[];
  faithful: (text: string) => boolean;
  /** Texts the card already shows (the summary): a fact never repeats them. */
  shown: readonly string[];
  /** Each new text costs a compression; once spent (or out of time) the rest count as unusable. */
  budget: CardBudget;
}): Array<{ index: number; fact: Fact }> {
  const { units, taken, faithful, budget } = input;
  // Scores on a 0..1 scale so the redundancy and number terms weigh the same in every article.
  const lo = Math.min(...input.scores);
  const span = Math.max(...input.scores) - lo || 1;
  const scores = input.scores.map((s) => (s - lo) / span);
  const sets = units.map((u) => new Set(u.content));
  // Texts are computed lazily, best score first: compression is the costly step.
  const texts = new Map<number, FactText | null>();
  const textOf = (i: number): FactText | null => {
    if (!texts.has(i)) {
      if (!budget.takeCompression() || budget.expired()) return null;
      const candidate = factText(units[i]!, units, CARD_LIMITS.factChars);
      texts.set(i, candidate && faithful(candidate.text) ? candidate : null);
    }
    return texts.get(i)!;
  };
  const order = units.map((_, i) => i).filter((i) => !taken.includes(i));
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const selected = [...taken];
  const isSelected = units.map((_, i) => taken.includes(i));
  // A sentence the article repeats, or a text already on the card, is never shown twice.
  const seen = new Set([
    ...input.shown.map(sameTextKey),
    ...taken.map((i) => sameTextKey(units[i]!.text)),
  ]);
  // Redundancy against the selection only grows: each unit keeps its max so far and how many of
  // the selected units that max already covers, so a round compares only with the newest ones.
  const redundancy = units.map(() => 0);
  const covered = units.map(() => 0);
  const kept = new Map<number, number>();
  const chosen: Array<{ index: number; fact: Fact }> = [];
  let charsLeft: number = CARD_LIMITS.factsTotalChars;
  while (chosen.length < CARD_LIMITS.maxFacts) {
    let best: { index: number; text: string; value: number } | null = null;
    for (const i of order) {
      // Sorted by score and redundancy only subtracts: no later unit can beat `best`.
      if (best && scores[i]! <= best.value) break;
      if (isSelected[i]) continue;
      for (let k = covered[i]!; k < selected.length; k++)
        redundancy[i] = Math.max(redundancy[i]!, overlap(sets[i]!, sets[selected[k]!]!));
      covered[i] = selected.length;
      // Compression only lowers a value: a unit that cannot win even uncut is not compressed.
      const ceiling = scores[i]! - MMR_LAMBDA * redundancy[i]!;
      if (best && ceiling <= best.value) continue;
      const text = textOf(i);
      if (!text || (text.needsPrevious && !isSelected[i - 1])) continue;
      if (seen.has(sameTextKey(text.text)) || seen.has(sameTextKey(units[i]!.text))) continue;
      if (!kept.has(i)) kept.set(i, retained(units[i]!, text.text));
      const value =
        scores[i]! * (1 - RETENTION_WEIGHT * (1 - kept.get(i)!)) - MMR_LAMBDA * redundancy[i]!;
      if (!best || value > best.value) best = { index: i, text: text.text, value };
    }
    if (!best || best.text.length > charsLeft) break;
    selected.push(best.index);
    isSelected[best.index] = true;
    seen.add(sameTextKey(best.text)).add(sameTextKey(units[best.index]!.text));
    charsLeft -= best.text.length;
    chosen.push({
      index: best.index,
      fact: { text: best.text, sentence: units[best.index]!.source },
    });
  }
  return chosen.sort((a, b) => a.index - b.index);
}
