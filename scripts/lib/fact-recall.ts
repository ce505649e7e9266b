import { findNumbers, numberKey } from "../../src/digest/summarize/numbers.js";

/**
 * Text in a form where "3,000" and "3000" (or "seven" and "7") read the same: every number the core
 * recognizes becomes a delimited canonical key, the rest is lower-cased with whitespace collapsed.
 */
export function canonicalText(text: string): string {
  let out = "";
  let at = 0;
  for (const n of findNumbers(text)) {
    out += `${text.slice(at, n.index)}#${numberKey(n.value)}#`;
    at = n.index + n.raw.length;
  }
  out += text.slice(at);
  return out.toLowerCase().replace(/\s+/g, " ").trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether a gold item occurs in `text` as whole words ("Russia" is not found in "Russian"). */
export function containsItem(text: string, item: string): boolean {
  const needle = canonicalText(item);
  if (!needle) return false;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, "u");
  return pattern.test(canonicalText(text));
}

export interface FactRecall {
  found: string[];
  missed: string[];
}

export function factRecall(text: string, gold: readonly string[]): FactRecall {
  const found: string[] = [];
  const missed: string[] = [];
  for (const item of gold) (containsItem(text, item) ? found : missed).push(item);
  return { found, missed };
}
