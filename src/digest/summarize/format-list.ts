import type { ListBlock } from "../ingest/parse-article.js";
import { findNumbers } from "./numbers.js";

/** The one number of an item ("Armed Forces: 600 individuals" -> 600), or null if it has none or several. */
function itemValue(item: string): number | null {
  const numbers = findNumbers(item);
  return numbers.length === 1 ? numbers[0]!.value : null;
}

/** True when the intro states a total that the items' numbers really add up to. */
export function listAddsUp(list: ListBlock): boolean {
  const totals = findNumbers(list.intro ?? "");
  const values = list.items.map(itemValue);
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

/**
 * A list as one fact. The intro (with its total) leads only when the parts add up to it, so a
 * card never implies a sum the article does not support. Items that do not fit are left out whole.
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
  for (const useAcronym of [false, true]) {
    const items = list.items.map((i) => compactItem(i, unit, useAcronym));
    const sep = items.some((i) => i.includes(",")) ? "; " : ", ";
    for (let n = fittingItems(items, max); n >= (useAcronym ? 1 : items.length); n--) {
      const text =
        n < items.length
          ? `${head}${items.slice(0, n).join(sep)}${sep}…`
          : `${head}${items.join(sep)}.`;
      if (text.length <= max) return text.charAt(0).toUpperCase() + text.slice(1);
    }
  }
  return null;
}
