import { TENS_NUMBER_WORDS as TENS, UNIT_NUMBER_WORDS as UNITS } from "../../lib/index.js";

const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

const TENS_WORDS = Object.keys(TENS).join("|");
const UNIT_WORDS = Object.keys(UNITS).join("|");
const NUMBER_WORD = `(?:(?:${TENS_WORDS})(?:[- ](?:${UNIT_WORDS}))?|${UNIT_WORDS}|dozen)`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|mln|tn|m|k|b)\b)?`;
const MENTION = new RegExp(
  String.raw`(?<![\p{L}\d.,])(?:(${DIGITS})(${SCALE})|\b(${NUMBER_WORD})\b(${SCALE}))`,
  "giu",
);

/**
 * A digit group joined to an earlier one by "-", "/" or ":" is part of a date, time, score or
 * range ("2023-12-27", "3:49.78"), not a figure of its own: "12" there must not vouch for
 * "twelve". Checked on the characters before the match: a look-behind for it slows every match.
 */
function continuesDigits(text: string, at: number): boolean {
  const joiner = text[at - 1];
  if (joiner !== "-" && joiner !== "/" && joiner !== ":") return false;
  const before = text.charCodeAt(at - 2);
  return before >= 48 && before <= 57; // "0"-"9"
}

export interface NumberMention {
  raw: string;
  value: number;
  index: number;
}

const THOUSANDS_SEPARATOR = /,/g;
const WORD_JOINER = /[- ]/;

function wordValue(word: string): number {
  if (word === "dozen") return 12;
  const [tens, unit] = word.split(WORD_JOINER);
  if (tens && tens in TENS) return TENS[tens]! + (unit ? (UNITS[unit] ?? 0) : 0);
  return UNITS[word] ?? Number.NaN;
}

/** Every number in `text` with its value after normalizing "3,000", "1.8 million", "$4bn", "seven". */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    if (m[1] !== undefined && continuesDigits(text, m.index)) continue;
    const base =
      m[1] !== undefined
        ? Number(m[1].replace(THOUSANDS_SEPARATOR, ""))
        : wordValue(m[3]!.toLowerCase());
    const scaleWord = (m[2] ?? m[4] ?? "").trim().toLowerCase();
    const value = base * (scaleWord ? (SCALES[scaleWord] ?? 1) : 1);
    if (Number.isFinite(value)) out.push({ raw: m[0], value, index: m.index });
  }
  return out;
}

/** A canonical key so 3000 and 3,000.0 compare equal and float noise does not. */
export function numberKey(value: number): string {
  // Integers of up to 12 digits round-trip through toPrecision(12) unchanged: skip the formatting.
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return String(value);
  return Number(value.toPrecision(12)).toString();
}

export function numberKeys(text: string): Set<string> {
  return new Set(findNumbers(text).map((n) => numberKey(n.value)));
}

/** Numbers in `generated` that the article never states. Empty means faithful. */
export function unsupportedNumbers(generated: string, articleKeys: ReadonlySet<string>): string[] {
  return findNumbers(generated)
    .filter((n) => !articleKeys.has(numberKey(n.value)))
    .map((n) => n.raw);
}
