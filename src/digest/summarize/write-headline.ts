import { CARD_LIMITS } from "../../model/index.js";
import { cutToFit, stripAttribution } from "./compress-sentence.js";
import { openMarks } from "./open-marks.js";
import { NEGATION } from "./stopwords.js";

const TRAILING_FUNCTION_WORDS =
  /\s+(?:the|a|an|of|to|in|on|at|by|for|and|or|with|from|as|its|their|his|her|that|which|who|than|into|over|under|after|before|while|whose|is|are|was|were|will|would|has|have|had)$/i;
const WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/**
 * Headline style: no day of the week, no "today", no hedges, no fact-free asides; deletions only,
 * and no number is ever deleted from a phrase it belongs to.
 */
const HEADLINE_DELETIONS: RegExp[] = [
  new RegExp(
    `\\s(?:late |early |earlier |later )?on ${WEEKDAY}(?: (?:morning|afternoon|evening|night))?(?=[\\s,.;:]|$)`,
    "g",
  ),
  /(?<!\b(?:until|from|since|of|to|by|for|before|after|as|than))\stoday(?=[\s,.;:]|$)/g,
  /\s(?:recently|currently|reportedly|officially|also|now)\b/gi,
  // "(Nasdaq: NRVK)", "(AP)": brackets without a figure.
  /\s*\((?![^)]*\d)[^()]{1,60}\)/g,
  // "Brightwell Foods, a maker of plant-based ready meals, today opened": an aside after a name.
  /(?<=\p{Lu}[\p{L}’'-]*),\s(?:a|an|the|one of)\s[^,\d]{3,80},(?=\s)/gu,
];
/** Where a headline may end when no clause cut fits: before a phrase or after a comma. */
const PHRASE_BOUNDARY =
  /,\s|\s(?=(?:of|in|on|at|for|with|by|from|to|as|after|before|over|under|amid|while|and|but|which|who|that|including|during|since|until)\s)/g;
const MIN_WORDS = 4;
const REPORTING_END =
  /\b(?:announced|said|says|reported|confirmed|told|stated|added|noted|revealed|disclosed)$/i;

function tidy(title: string): string {
  let t = title.trim().replace(/[.,;:–—-]+$/, "");
  while (TRAILING_FUNCTION_WORDS.test(t)) t = t.replace(TRAILING_FUNCTION_WORDS, "");
  return t;
}

function balanced(text: string): boolean {
  const open = openMarks(text);
  return open.parens === 0 && open.curly === 0 && open.straight % 2 === 0;
}

/**
 * The latest phrase boundary that brings `text` within `max`, preferring cuts whose dropped tail
 * holds no negation (a headline must not widen the claim); word boundary as the last resort.
 */
function cutAtPhrase(text: string, max: number): string {
  const heads: string[] = [];
  PHRASE_BOUNDARY.lastIndex = 0;
  for (let m = PHRASE_BOUNDARY.exec(text); m; m = PHRASE_BOUNDARY.exec(text)) {
    if (m.index > max) break;
    const head = tidy(text.slice(0, m.index));
    if (head.split(/\s+/).length >= MIN_WORDS && balanced(head) && !REPORTING_END.test(head))
      heads.push(head);
  }
  const safe = heads.filter((h) => !NEGATION.test(text.slice(h.length)));
  const best = safe.at(-1) ?? heads.at(-1);
  return best ?? tidy(text.slice(0, max).replace(/\s+\S*$/, ""));
}

/**
 * A headline written from the lead: the article's own words with headline-style deletions,
 * whole clauses when possible, whole phrases always; ≤ `max` characters and never ending in "…".
 */
export function writeHeadline(lead: string, max: number = CARD_LIMITS.titleChars): string {
  let base = stripAttribution(lead).replace(/^The\s+(?=\p{Lu})/u, "");
  for (const re of HEADLINE_DELETIONS) base = base.replace(re, "");
  base = base.replace(/\s{2,}/g, " ").replace(/\s+([,.;:!?])/g, "$1");
  const clause = cutToFit(base, max + 1, 20, { markPhraseCuts: false });
  // "Norvik Therapeutics announced." has cut away everything it announced.
  const title = tidy(clause && !REPORTING_END.test(tidy(clause)) ? clause : base);
  return title.length <= max && !title.endsWith("…") ? title : cutAtPhrase(title, max);
}
