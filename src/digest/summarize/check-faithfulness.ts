import type { FactCard } from "../../model/index.js";
import { numberKeys, unsupportedNumbers } from "./numbers.js";

export interface FaithfulnessIssue {
  field: string;
  numbers: string[];
}

/** Every number a card states must be stated by the article (after normalizing forms). */
export function checkFaithfulness(
  card: Pick<FactCard, "title" | "summary" | "facts">,
  articleText: string | ReadonlySet<string>,
): FaithfulnessIssue[] {
  const keys = typeof articleText === "string" ? numberKeys(articleText) : articleText;
  const fields: Array<[string, string]> = [
    ["title", card.title],
    ["summary", card.summary],
    ...card.facts.map((f, i): [string, string] => [`facts[${i}]`, f.text]),
  ];
  const issues: FaithfulnessIssue[] = [];
  for (const [field, text] of fields) {
    const numbers = unsupportedNumbers(text, keys);
    if (numbers.length) issues.push({ field, numbers });
  }
  return issues;
}
