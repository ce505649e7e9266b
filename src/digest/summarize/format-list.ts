import type { ListBlock } from "../ingest/parse-article.js";
import { checkCut } from "./check-cut.js";
import { findNumbers } from "./numbers.js";

/** The word after a number ("36 seats" -> "seats"), lower-cased, or "". */
function unitAfter(text: string, at: number, raw: string): string {
  return /^\s*(\p{L}+)/u.exec(text.slice(at + raw.length))?.[1]?.toLowerCase() ?? "";
}

/**
 * The number of an item that counts what the total counts: its one number, or the one followed by
 * the total's unit ("Greens: 4 seats (9.8%)" under "36 seats" -> 4); null when none or unclear.
 */
function itemValue(item: string, unit: string): number | null {
  const numbers = findNumbers(item);
  if (numbers.length === 1) return numbers[0]!.value;
  const counted = numbers.filter((n) => unit && unitAfter(item, n.index, n.raw) === unit);
  return counted.length === 1 ? counted[0]!.value : null;
}

/** True when the intro states a total that the items' numbers really add up to. */
export function listAddsUp(list: ListBlock): boolean {
  const intro = list.intro ?? "";
  const totals = findNumbers(intro);
  const unit = totals.length === 1 ? unitAfter(intro, totals[0]!.index, totals[0]!.raw) : "";
  const values = list.items.map((item) => itemValue(item, unit));
  if (totals.length !== 1 || values.some((v) => v === null)) return false;
  const sum = values.reduce<number>((s, v) => s + v!, 0);
  return Math.abs(sum - totals[0]!.value) < 1e-9;
}

/** "Border Service of the National Security Committee (KNB): 80 individuals" -> "Border Service …: 80" or, short, "KNB 80". */
function compactItem(item: string, unit: string | null, useAcronym: boolean): string {
  let t = item.replace(/[.;]$/, "");
  const acronym = /^(.{12,}?)\s*\(([A-Z][A-Za-z]{1,7})\)/.exec(t);
  if (useAcronym && acronym) t = acronym[2]! + t.slice(acronym[0].length);
  t = t.replace(/\s*\((?![^)]*\d)[^()]{1,60}\)/g, "");
  if (unit) t = t.replace(new RegExp(`\\s+${unit}$`), "").replace(/:\s+(?=[\d$£€])/, " ");
  return t.trim();
}

/** How many leading items could fit in `max` characters at all: a longer prefix is never tried. */
function fittingItems(items: readonly string[], max: number): number {
  let chars = 0;
  for (let n = 0; n < items.length; n++) {
    chars += items[n]!.length;
    if (chars > max) return n;
  }
  return items.length;
}

/** Longest list shown with its names spelled out rather than as acronyms ("KNB 80"). */
const SPELLED_OUT_CHARS = 140;

/** "1." "2." … when the source numbers its items (a ranking), so the ranks stay on the card. */
function ranks(list: ListBlock): string[] | null {
  const marks = list.source
    .split("\n")
    .map((line) => /^\s*(\d{1,2})[.)]\s/.exec(line)?.[1])
    .filter((m): m is string => m !== undefined);
  return marks.length === list.items.length ? marks.map((m) => `${m}. `) : null;
}

/**
 * A list as one fact. The intro (with its total) leads only when the parts add up to it, so a
 * card never implies a sum the article does not support. Items that do not fit are left out whole,
 * and only when `checkCut` allows it (no number of the shown part is lost).
 */
export function formatList(list: ListBlock, max: number): string | null {
  const words = list.items.map((i) => /(\p{L}+)[.;]?$/u.exec(i)?.[1] ?? "");
  const shared = words.every((w) => w && w === words[0]) ? words[0]! : null;
  const intro =
    list.intro && (listAddsUp(list) || findNumbers(list.intro).length === 0)
      ? list.intro.replace(/:$/, "")
      : null;
  const unit = intro && shared && intro.includes(shared) ? shared : null;
  const head = intro ? `${intro}: ` : "";
  const shownPart = intro ? list.source : list.items.join("\n");
  const rank = ranks(list);
  for (const useAcronym of [false, true]) {
    // Names spelled out only while the list stays short: one fact should not crowd out the others.
    const limit = useAcronym ? max : Math.min(max, SPELLED_OUT_CHARS);
    const items = list.items.map((i, k) => (rank?.[k] ?? "") + compactItem(i, unit, useAcronym));
    const sep = items.some((i) => i.includes(",")) ? "; " : ", ";
    for (let n = fittingItems(items, limit); n >= (useAcronym ? 1 : items.length); n--) {
      const text =
        n < items.length
          ? `${head}${items.slice(0, n).join(sep)}${sep}…`
          : `${head}${items.join(sep)}.`;
      if (text.length <= limit && checkCut(shownPart, text).ok)
        return text.charAt(0).toUpperCase() + text.slice(1);
    }
  }
  return null;
}
