import { findNumbers, numberKey } from "./numbers.js";

export type CutCheck = { ok: true } | { ok: false; reason: string };

/** Words that turn or narrow a claim (global twin of stopwords' NEGATION, for counting). */
const NEGATIONS = /\b(?:not|no|never|none|nor|without|only|cannot|\w+n't)\b/gi;
/** A kept text may not stop on a word that needs what followed it. */
const NEEDS_MORE =
  /^(?:the|a|an|of|to|in|and|or|but|by|for|as|than|with|from|at|on|about|into|that|this|its|their|his|her|not|no|is|are|was|were|be|has|have|had|will|would|could|should|said|says|who|which|very|more|most|nearly|almost|some|between|under)$/;
/** A dropped tail that opens with one of these completes the kept words ("12% [more grain than…]"). */
const COMPLEMENT_OPENER = /^(?:than|of|versus|vs|more|less|fewer|higher|lower|bigger|smaller)$/;
/** The last item of a list is short: "include X, Y, fitness for service[, and possession of…]". */
const LIST_ITEM_WORDS = 6;
/** Kept words that open a pair the dropped tail closes: "from 55 minutes [to 20]", "between A [and B]". */
const PAIR_OPENERS: ReadonlyArray<[open: string, close: string]> = [
  ["from", "to"],
  ["between", "and"],
];
/** Verbs whose particle carries the claim: "it would result [in…]", "rose [to 5%]". */
const VERB_PARTICLE =
  /^(?:result|results|resulted|resulting|lead|leads|led|amount|amounts|amounted|add|adds|added|rise|rises|rose|risen|fall|falls|fell|fallen|climb|climbs|climbed|drop|drops|dropped|jump|jumps|jumped|cut|cuts|grow|grows|grew|increase|increased|decrease|decreased|reduce|reduced|compared)$/;
const PARTICLE = /^(?:in|to|into|by|from|with|up)$/;

function negations(text: string): number {
  return text.match(NEGATIONS)?.length ?? 0;
}

interface Word {
  key: string;
  raw: string;
}

function words(text: string): Word[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => ({ raw, key: raw.toLowerCase().replace(/[^\p{L}\p{N}%$£€]+/gu, "") }))
    .filter((w) => w.key !== "");
}

/** Where each kept word sits in the original (greedy subsequence), -1 for a word it added. */
function align(original: readonly Word[], kept: readonly Word[]): number[] {
  const at: number[] = [];
  let from = 0;
  for (const w of kept) {
    let i = from;
    while (i < original.length && original[i]!.key !== w.key) i++;
    if (i < original.length) {
      at.push(i);
      from = i + 1;
    } else at.push(-1);
  }
  return at;
}

const STARTS_WITH_FIGURE = /^[$£€]?\d/;

/**
 * The one rule every cut obeys (clause drops, phrase cuts, list cuts, elisions): `kept`, made from
 * `original` by deleting spans, still shows every number (headlines excepted) and negation of it,
 * keeps no number glued to words it did not follow, and does not stop where the kept words need
 * the dropped ones.
 */
export function checkCut(
  original: string,
  kept: string,
  { headline = false }: { headline?: boolean } = {},
): CutCheck {
  const shown = new Set(findNumbers(kept).map((n) => numberKey(n.value)));
  // A headline may leave figures to the summary and facts below it; nothing else may.
  const lost = headline
    ? undefined
    : findNumbers(original).find((n) => !shown.has(numberKey(n.value)));
  if (lost) return { ok: false, reason: `drops the number "${lost.raw}"` };
  if (negations(kept) < negations(original)) return { ok: false, reason: "drops a negation" };
  const from = words(original);
  const to = words(kept.replace(/…/g, " "));
  const at = align(from, to);
  for (let j = 1; j < to.length; j++) {
    const i = at[j]!;
    if (i <= 0 || at[j - 1] === i - 1 || !STARTS_WITH_FIGURE.test(to[j]!.raw)) continue;
    // "…a majority[, according to results on Monday,] 3 March": the figure belonged to the dropped span.
    if (/,$/.test(from[i - 1]!.raw))
      return { ok: false, reason: `leaves "${to[j]!.raw}" after words it did not follow` };
  }
  const last = at.filter((i) => i >= 0).at(-1) ?? -1;
  if (last < 0 || last >= from.length - 1) return { ok: true };
  const end = to[to.length - 1]!.key;
  const tail = from.slice(last + 1).map((w) => w.key);
  if (NEEDS_MORE.test(end)) return { ok: false, reason: `stops on "${end}"` };
  if (COMPLEMENT_OPENER.test(tail[0]!) || (VERB_PARTICLE.test(end) && PARTICLE.test(tail[0]!)))
    return { ok: false, reason: `drops the complement "${tail[0]!} …"` };
  // "yielded 12%…": an elided figure has lost what it counts.
  if (/…["”)]?\s*$/.test(kept) && STARTS_WITH_FIGURE.test(to[to.length - 1]!.raw))
    return { ok: false, reason: "stops on a figure" };
  const lastSegment = kept.split(/,\s/).at(-1)!.split(/\s+/).length;
  if (/^(?:and|or)$/.test(tail[0]!) && kept.includes(", ") && lastSegment <= LIST_ITEM_WORDS)
    return { ok: false, reason: "cuts the last item off a list" };
  const recent = to.slice(-4).map((w) => w.key);
  for (const [open, close] of PAIR_OPENERS)
    if (recent.includes(open) && tail[0] === close)
      return { ok: false, reason: `drops the "${close} …" that closes "${open} …"` };
  return { ok: true };
}
