import { CONNECTIVE_OPENER } from "./stopwords.js";

const SAY =
  "said|says|noted|added|stated|explained|reported|emphasi[sz]ed|stressed|announced|confirmed|reads|wrote|told [\\p{L} ]{2,30}";
const QUOTED = /^["“]([^"”]{20,}?)[,.]?["”]\s*,?\s*(.{0,90}?)\.?$/u;
const ATTRIBUTION_ONLY = new RegExp(`^(?:[^,.]{0,80}?\\s)?(?:${SAY})(?:\\s[^,.]{0,80})?$`, "u");
const LEADING_ACCORDING = /^according to [^,]{2,80},\s+/i;
const TAIL_ATTRIBUTION = new RegExp(
  `,["”]?\\s*(?:according to [^,]{2,80}|(?:the |a |an )?[\\p{L}’'., -]{2,100}?\\s+(?:${SAY})|(?:${SAY})\\s+(?:the |a |an )?[\\p{L}\\p{N}’'., -]{2,140}?)\\s*([.!?])$`,
  "u",
);
const MID_ATTRIBUTION = new RegExp(
  `,\\s*(?:according to [^,]{2,60}|(?:the |a )?[\\p{L} ]{2,40}?\\s(?:${SAY})),\\s`,
  "u",
);
const MID_CONNECTIVE =
  /,\s(?:however|therefore|though|meanwhile|moreover|furthermore|in turn|though|nevertheless|nonetheless),\s/gi;
const FACT_FREE_PARENS = /\s*\((?![^)]*\d)[^()]{1,80}\)/g;
const RELATIVE_CLAUSE = /,\s(?:who|which)\s[^,]{3,120},\s/;
/** Where a trailing clause may be cut: the head before it still stands as a sentence. */
const CUT_POINTS =
  /,\s(?:which|who|where|while|whereas|with|as|including|after|before|although|though|despite|but|and|amid|following|according|in order|to|labeling|saying|making|bringing|adding|helped|up|down)\b|;\s|\s[–—]\s|(?<=\p{Ll}+(?:ly|ed))\sand\s(?=\p{Ll}+ed\b)|\sas\s(?=outlined|required|stipulated|provided|described|set out)|\sin accordance with\b|\s-\s|(?<!\b(?:days?|weeks?|months?|years?|hours?|minutes?|moments?|shortly|soon|long|just|only|even|right|immediately|decades?))\s(?=(?:after|before|because|since|despite|amid|following|although|though|unless|whereas)\s)|,\s(?=\p{Ll}+ing\s)|\s(?=(?:and|but)\s(?:the|a|an|its|his|her|their|this|these|it|he|she|they|[A-Z])\b)/gu;
/** Asides between commas: "X, one of the leading providers of online advertising, warned". */
const APPOSITIVE =
  /(?<=\p{Lu}[\p{L}’'-]*),\s(?:one of|a|an|the|whose|in particular|for example|for instance|especially|notably)\s[^,\d]{3,80},\s/u;
/** A scene-setting opener ("Late last year, ", "On top of that, ") before the subject. */
const LEADING_PHRASE = /^[^,\d"“]{3,70},\s(?=(?:\p{Lu}|the\s|a\s|an\s))/u;
/** A plain comma is a cut point only between long segments, so enumerations are never cut. */
function commaCuts(text: string): number[] {
  const cuts: number[] = [];
  const parts = text.split(/,\s/);
  let at = 0;
  for (let i = 0; i < parts.length - 1; i++) {
    at += parts[i]!.length;
    const before = parts[i]!.split(/\s+/).length;
    const after = parts[i + 1]!.split(/\s+/).length;
    if (before >= 4 && after >= 4) cuts.push(at);
    at += 2;
  }
  return cuts;
}
/** A paired dash aside without numbers ("yields - average revenues per passenger - were") is deletable. */
const DASH_ASIDE = /\s[-–—]\s(?![^-–—]*\d)[^-–—]{3,80}\s[-–—]\s/g;
const TRAILING_PP =
  /\s(?=(?:in|on|at|for|with|by|from|under|over|into|during|through|against|across|amid|between|via)\s)/g;
const NEGATION = /\b(?:not|no|never|none|nor|without|only|cannot|\w+n't)\b/i;
/** A head that opens with a subordinator is a dangling clause, not a sentence. */
const SUBORDINATE_OPENER =
  /^(?:if|when|whenever|while|although|though|as|because|since|after|before|unless|until|whereas|once)\b/i;

/** Quotes and brackets must pair up, or a cut left half a phrase behind. */
function balanced(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/\(/g) === count(/\)/g) && count(/“/g) === count(/”/g) && count(/"/g) % 2 === 0;
}

function finish(text: string): string {
  let t = text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?])/g, "$1");
  t = t.replace(/[,;:–—-]+$/, "").trim();
  if (!/[.!?]["”’]?$/.test(t)) t += ".";
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Removes what a fact card does not need: quote marks with their attribution, connectives, tails. */
export function stripAttribution(sentence: string): string {
  let t = sentence.trim();
  const quoted = QUOTED.exec(t);
  if (quoted?.[1] && (quoted[2] === "" || ATTRIBUTION_ONLY.test(quoted[2] ?? "")))
    t = `${quoted[1]}.`;
  for (let i = 0; i < 2; i++) t = t.replace(LEADING_ACCORDING, "").replace(CONNECTIVE_OPENER, "");
  // Tails can stack: "…, said the deputy minister at a briefing, reported the press office."
  for (let i = 0; i < 3 && TAIL_ATTRIBUTION.test(t); i++) t = t.replace(TAIL_ATTRIBUTION, "$1");
  t = t.replace(MID_ATTRIBUTION, " ").replace(MID_CONNECTIVE, " ");
  // The last sentence of a multi-sentence quote keeps only its closing mark once attribution is gone.
  if (!balanced(t)) t = t.replace(/["”]([.!?])$/, "$1");
  return finish(t);
}

/** Cuts the latest trailing clause that brings `text` within `max` characters, or null if none does. */
export function cutToFit(text: string, max: number, minChars = 40): string | null {
  if (text.length <= max) return text;
  const cuts: number[] = [];
  CUT_POINTS.lastIndex = 0;
  for (let m = CUT_POINTS.exec(text); m; m = CUT_POINTS.exec(text)) cuts.push(m.index);
  cuts.push(...commaCuts(text));
  // Trailing prepositional phrases go last, and never where a negation could widen the claim.
  const pp: number[] = [];
  TRAILING_PP.lastIndex = 0;
  for (let m = TRAILING_PP.exec(text); m; m = TRAILING_PP.exec(text)) {
    if (m.index >= 60 && !NEGATION.test(text.slice(0, m.index))) pp.push(m.index);
  }
  for (const at of [...[...new Set(cuts)].sort((a, b) => b - a), ...pp.sort((a, b) => b - a)]) {
    const head = finish(text.slice(0, at));
    if (
      head.length > max ||
      head.length < minChars ||
      SUBORDINATE_OPENER.test(head) ||
      !balanced(head)
    )
      continue;
    if (
      !/\b(?:the|a|an|of|to|in|and|or|by|for|as|than|with|from|at|on|about|nearly|almost|some|its|their)\.$/i.test(
        head,
      )
    )
      return head;
  }
  return null;
}

/**
 * A sentence shortened for a fact card, deleting spans only (numbers are never rewritten), or null
 * when no honest cut fits within `max`.
 */
export function compressSentence(sentence: string, max: number): string | null {
  let t = stripAttribution(sentence);
  if (t.length <= max) return t;
  t = finish(t.replace(FACT_FREE_PARENS, "").replace(DASH_ASIDE, " "));
  if (t.length <= max) return t;
  t = finish(t.replace(RELATIVE_CLAUSE, " ").replace(APPOSITIVE, " "));
  if (t.length <= max) return t;
  const cut = cutToFit(t, max);
  if (cut) return cut;
  const opener = LEADING_PHRASE.exec(t);
  return opener ? cutToFit(finish(t.slice(opener[0].length)), max) : null;
}
