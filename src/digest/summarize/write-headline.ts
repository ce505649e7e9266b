import { CARD_LIMITS } from "../../model/index.js";
import { cutToFit, stripAttribution } from "./compress-sentence.js";

const TRAILING_FUNCTION_WORDS =
  /\s+(?:the|a|an|of|to|in|on|at|by|for|and|or|with|from|as|its|their|his|her|that|which|who)$/i;

/** A headline written from the lead: whole clauses when possible, whole words always, ≤ 100 chars. */
export function writeHeadline(lead: string, max: number = CARD_LIMITS.titleChars): string {
  // Headline style: no leading article, no hedging adverbs; deletions only.
  const base = stripAttribution(lead)
    .replace(/^The\s+(?=\p{Lu})/u, "")
    .replace(/\s+(?:recently|currently|reportedly|officially|also|now)\b/gi, "");
  const clause = cutToFit(base, max + 1, 20, { markPhraseCuts: false });
  let title = clause ?? base;
  if (title.length > max + 1) {
    const cut = title.slice(0, max).replace(/\s+\S*$/, "");
    title = `${cut.replace(TRAILING_FUNCTION_WORDS, "").replace(/[,;:–—-]+$/, "")}…`;
  }
  title = title.replace(/\.$/, "");
  while (TRAILING_FUNCTION_WORDS.test(title)) title = title.replace(TRAILING_FUNCTION_WORDS, "");
  return title.length <= max ? title : `${title.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}
