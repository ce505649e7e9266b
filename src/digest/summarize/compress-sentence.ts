import { checkCut } from "./check-cut.js";
import { elide } from "./elide.js";
import { openMarks } from "./open-marks.js";
import { CONNECTIVE_OPENER, NEGATION } from "./stopwords.js";

const SAY =
  "said|says|noted|added|stated|explained|reported|emphasi[sz]ed|stressed|announced|confirmed|reads|wrote|told [\\p{L} ]{2,30}";
/** "…, said the deputy minister." is attribution; "…, said he was confident the rules…" is the claim. */
const NOT_A_CLAUSE =
  "(?![^.!?]*\\b(?:he|she|it|they|we|i|that|there|was|were|is|are|would|will|had|has|have|could|should|can|may|might|did)\\b)";
const QUOTED = /^["“]([^"”]{20,}?)[,.]?["”]\s*,?\s*(.{0,90}?)\.?$/u;
const ATTRIBUTION_ONLY = new RegExp(`^(?:[^,.]{0,80}?\\s)?(?:${SAY})(?:\\s[^,.]{0,80})?$`, "u");
const LEADING_ACCORDING = /^according to [^,]{2,80},\s+/i;
const TAIL_ATTRIBUTION = new RegExp(
  `,["”]?\\s*(?:according to [^,]{2,80}|(?:the |a |an )?[\\p{L}’'., -]{2,100}?\\s+(?:${SAY})|(?:${SAY})\\s+${NOT_A_CLAUSE}(?:the |a |an )?[\\p{L}\\p{N}’'., -]{2,140}?)\\s*([.!?])$`,
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
/**
 * Where a trailing clause may be cut: the head before it still stands as a sentence. Look-behinds
 * are bounded ("\p{Ll}(?:ly|ed)", not "\p{Ll}+…"): an unbounded one rescans every long word.
 */
const CUT_POINTS =
  /,\s(?:which|who|where|while|whereas|with|as|including|after|before|although|though|despite|but|and|amid|following|according|in order|to|labeling|saying|making|bringing|adding|helped|up|down)\b|;\s|\s[–—]\s|(?<=\p{Ll}(?:ly|ed))\sand\s(?=\p{Ll}+ed\b)|\sas\s(?=outlined|required|stipulated|provided|described|set out)|\sin accordance with\b|\s-\s|(?<!\b(?:days?|weeks?|months?|years?|hours?|minutes?|moments?|shortly|soon|long|just|only|even|right|immediately|decades?))\s(?=(?:after|before|because|since|despite|amid|following|although|though|unless|whereas)\s)|,\s(?=\p{Ll}+ing\s)|\s(?=(?:and|but)\s(?:the|a|an|its|his|her|their|this|these|it|he|she|they|[A-Z])\b)/gu;
/**
 * Asides between commas: "X, one of the leading providers of online advertising, warned". The
 * comma comes before the look-behind, so the look-behind runs at commas only, not at every letter.
 */
const APPOSITIVE =
  /,(?<=\p{Lu}[\p{L}’'-]*,)\s(?:one of|a|an|the|whose|in particular|for example|for instance|especially|notably)\s[^,\d]{3,80},\s/u;
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
/** A head that opens with a subordinator is a dangling clause, not a sentence. */
const SUBORDINATE_OPENER =
  /^(?:even\s+)?(?:if|when|whenever|while|although|though|as|because|since|after|before|unless|until|whereas|whether|once|to|in order to)\b/i;

/** The head's last clause opens with a subordinator: its main clause was cut ("…said that whether A or B."). */
function endsInSubordinateClause(head: string): boolean {
  const clauses = head.split(/,\s|;\s|\bthat\s/);
  return clauses.length > 1 && SUBORDINATE_OPENER.test(clauses[clauses.length - 1]!);
}

/** Quotes and brackets must pair up, or a cut left half a phrase behind. */
function balanced(text: string): boolean {
  const open = openMarks(text);
  return open.parens === 0 && open.curly === 0 && open.straight % 2 === 0;
}

const UNCOLLAPSED_RUN = /\s{2,}|[^\S ]/g;
/** Not before a digit: "1.5 .5" must not become the new number "1.5.5". */
const SPACE_BEFORE_PUNCTUATION = /\s+([,.;:!?])(?!\d)/g;
const TRAILING_JOINERS = /[,;:–—-]+$/;
const ENDS_SENTENCE = /[.!?]["”’]?$/;

function finish(text: string): string {
  let t = text.trim().replace(UNCOLLAPSED_RUN, " ").replace(SPACE_BEFORE_PUNCTUATION, "$1");
  t = t.replace(TRAILING_JOINERS, "").trim();
  if (!ENDS_SENTENCE.test(t)) t += ".";
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** `next` when the cut from `current` to it passes the one cut check, else `current`. */
function tryCut(current: string, next: string): string {
  return next === current || checkCut(current, next).ok ? next : current;
}

/** Removes what a fact card does not need: quote marks with their attribution, connectives, tails. */
export function stripAttribution(sentence: string): string {
  let t = sentence.trim();
  const quoted = QUOTED.exec(t);
  if (quoted?.[1] && (quoted[2] === "" || ATTRIBUTION_ONLY.test(quoted[2] ?? "")))
    t = tryCut(t, `${quoted[1]}.`);
  for (let i = 0; i < 2; i++)
    t = tryCut(t, t.replace(LEADING_ACCORDING, "").replace(CONNECTIVE_OPENER, ""));
  // Tails can stack: "…, said the deputy minister at a briefing, reported the press office."
  for (let i = 0; i < 3; i++) {
    const tail = TAIL_ATTRIBUTION.exec(t);
    if (!tail) break;
    const next = t.slice(0, tail.index) + tail[1]! + t.slice(tail.index + tail[0].length);
    if (tryCut(t, next) === t) break;
    t = next;
  }
  t = tryCut(t, t.replace(MID_ATTRIBUTION, " "));
  t = tryCut(t, t.replace(MID_CONNECTIVE, " "));
  // The last sentence of a multi-sentence quote keeps only its closing mark once attribution is gone.
  if (!balanced(t)) t = t.replace(/["”]([.!?])$/, "$1");
  return finish(t);
}

const ENUMERATION_TAIL = /,\s[^,]{1,25}$/;
const BARE_RELATIVE = /\b(?:that|which|who|whom|whose)\s+\S+$/i;
/** A head opening with a prepositional phrase and cut at its first comma has no clause at all. */
const PREPOSITION_OPENER =
  /^(?:during|despite|following|amid|after|before|in|on|at|for|from|with|without|under|over|by|among|through|throughout|across|against|between|beyond|within|unlike|like|ahead of|because of|due to|thanks to|instead of|apart from)\b/i;
const ENDS_ON_FUNCTION_WORD =
  /\b(?:the|a|an|of|to|in|and|or|by|for|as|than|with|from|at|on|about|nearly|almost|some|its|their)\.$/i;

/**
 * Cuts the latest trailing clause that brings `text` within `max` characters, or null if none does.
 * A clause cut leaves a sentence and ends in "."; a cut before a trailing prepositional phrase may
 * leave its verb wanting a complement, so it is marked "…" unless `markPhraseCuts` is off: that is
 * a headline, which may leave figures to the card below it (see `checkCut`).
 */
export function cutToFit(
  text: string,
  max: number,
  minChars = 40,
  { markPhraseCuts = true }: { markPhraseCuts?: boolean } = {},
): string | null {
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
  const clauseCuts = [...new Set(cuts)].sort((a, b) => b - a);
  for (const at of [...clauseCuts, ...pp.sort((a, b) => b - a)]) {
    const phraseCut = !clauseCuts.includes(at);
    // "Models Y, S, 3 and X": the "and" closes an enumeration; cutting there drops an item.
    if (ENUMERATION_TAIL.test(text.slice(0, at)) && /^\s(?:and|or)\s/.test(text.slice(at)))
      continue;
    // "…in the fire that swept." has cut a relative clause right after its verb.
    if (phraseCut && BARE_RELATIVE.test(text.slice(0, at))) continue;
    let head = finish(text.slice(0, at));
    if (
      head.length < minChars ||
      SUBORDINATE_OPENER.test(head) ||
      endsInSubordinateClause(head) ||
      (PREPOSITION_OPENER.test(head) && !head.includes(", ")) ||
      !balanced(head) ||
      ENDS_ON_FUNCTION_WORD.test(head)
    )
      continue;
    if (phraseCut && markPhraseCuts) head = head.replace(/[.!?]$/, "…");
    if (head.length <= max && checkCut(text, head, { headline: !markPhraseCuts }).ok) return head;
  }
  return null;
}

/**
 * A sentence shortened for a fact card, deleting spans only (numbers are never rewritten), or null
 * when no honest cut fits within `max`. Every step passes `checkCut`, so no cut drops a number, a
 * negation or a complement the kept words need.
 */
export function compressSentence(sentence: string, max: number): string | null {
  let t = stripAttribution(sentence);
  if (t.length <= max) return t;
  t = tryCut(t, finish(t.replace(FACT_FREE_PARENS, "")));
  t = tryCut(t, finish(t.replace(DASH_ASIDE, " ")));
  if (t.length <= max) return t;
  t = tryCut(t, finish(t.replace(RELATIVE_CLAUSE, " ")));
  t = tryCut(t, finish(t.replace(APPOSITIVE, " ")));
  if (t.length <= max) return t;
  // Cutting a tail, dropping a scene-setting opener, eliding: in that order of preference.
  const opener = LEADING_PHRASE.exec(t);
  const shorter = opener ? tryCut(t, finish(t.slice(opener[0].length))) : t;
  const cut =
    cutToFit(t, max) ??
    (shorter !== t ? (shorter.length <= max ? shorter : cutToFit(shorter, max)) : null) ??
    elide(t, max);
  return cut !== null && checkCut(sentence, cut).ok ? cut : null;
}
