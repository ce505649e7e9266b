import { attributeQuote, quoteFact, quoteNeedsPrevious } from "./attribute-quote.js";
import type { Unit } from "./build-units.js";
import { compressSentence } from "./compress-sentence.js";
import { formatList } from "./format-list.js";
import { resolvePersonPronoun } from "./resolve-pronoun.js";
import { startsWithPronoun } from "./score-units.js";
import { EXPLETIVE_IT } from "./stopwords.js";
import { SUMMARY_BOUNDS } from "./summary-bounds.js";
import { tokenize } from "./tokenize.js";

const QUESTION = /\?["”’]?$/;

export interface FactText {
  text: string;
  /** Opens with a pronoun ("It", "This", "Their"): only readable right after the sentence before it. */
  needsPrevious: boolean;
}

/** The text a unit contributes to a card within `max` characters, or null when no honest cut fits. */
export function factText(unit: Unit, units: readonly Unit[], max: number): FactText | null {
  // A question ("What is changing?") asks; a card states.
  if (QUESTION.test(unit.text)) return null;
  // A run-on "sentence" this long is a table or a paste, never a fact; cutting it costs the most.
  if (!unit.list && unit.text.length > SUMMARY_BOUNDS.maxSentenceChars) return null;
  if (unit.list) {
    const text = formatList(unit.list, max);
    return text ? { text, needsPrevious: false } : null;
  }
  const previous = units.slice(Math.max(0, unit.index - 2), unit.index).map((u) => u.text);
  const resolved = resolvePersonPronoun(unit.text, previous) ?? unit.text;
  // A quote stays the speaker's: shown as `Speaker: "words"`, never as the article's own claim.
  const quote = attributeQuote(resolved, previous);
  if (quote) {
    if (QUESTION.test(quote.quote)) return null;
    const shown = quoteFact(quote, max);
    return shown ? { text: shown, needsPrevious: quoteNeedsPrevious(quote) } : null;
  }
  const text = compressSentence(resolved, max);
  if (text === null) return null;
  // A quote with no named speaker is only readable after the sentence that introduces its speaker.
  const unattributedQuote = /^["“]/.test(resolved);
  const pointsBack = startsWithPronoun({ tokens: tokenize(text) }) && !EXPLETIVE_IT.test(text);
  return {
    text,
    needsPrevious: unattributedQuote || pointsBack,
  };
}
