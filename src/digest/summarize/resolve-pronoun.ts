const REPORT_VERB =
  "said|says|noted|added|told|explained|stated|revealed|acknowledged|emphasi[sz]ed|stressed|cited|announced|warned|argued|insisted|claimed|confirmed|recalled";
const NAME = "[A-Z][\\p{Ll}’'-]+(?:-[A-Z][\\p{Ll}]+)?";
const NAME_THEN_VERB = new RegExp(`(?:^|[\\s”"])(${NAME})\\s+(?:${REPORT_VERB})\\b`, "gu");
const VERB_THEN_NAME = new RegExp(
  `\\b(?:${REPORT_VERB})\\s+(?:[A-Z][\\p{L}-]+\\s+){0,5}(${NAME})\\b`,
  "gu",
);
const NOT_A_PERSON = new Set([
  "The",
  "He",
  "She",
  "It",
  "They",
  "This",
  "Ministry",
  "Government",
  "Department",
  "Office",
  "Service",
  "Agency",
  "Company",
  "Statement",
  "Committee",
  "Police",
]);

/** The last person named as speaking in `text` ("Hewitt said", "told Ms Hewitt"), or null. */
export function lastPerson(text: string): string | null {
  let best: { name: string; at: number } | null = null;
  for (const re of [NAME_THEN_VERB, VERB_THEN_NAME]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[1]!;
      if (!NOT_A_PERSON.has(name) && (!best || m.index > best.at)) best = { name, at: m.index };
    }
  }
  return best?.name ?? null;
}

/**
 * "He revealed plans…" becomes "Kamaletdinov revealed plans…" when one of the two sentences before
 * names the speaker; otherwise null, and the sentence is not used as a stand-alone fact.
 */
export function resolvePersonPronoun(sentence: string, previous: readonly string[]): string | null {
  const m = /^(He|She)\s+/.exec(sentence);
  if (!m) return sentence;
  for (const text of previous.slice(-2).reverse()) {
    const name = lastPerson(text);
    if (name) return `${name} ${sentence.slice(m[0].length)}`;
  }
  return null;
}
