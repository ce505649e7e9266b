/**
 * A wire-style dateline at the start of the lead: "ASTANA –", "NEW YORK, Jan 5 (Reuters) -",
 * "KOSTANAY —", "SÃO PAULO –". Only capitalised place names count, so an ordinary sentence is never mistaken for one.
 */
const DATELINE =
  /^(\p{Lu}[\p{Lu}'’.-]+(?: \p{Lu}[\p{Lu}'’.-]+){0,3})(?:\s*,\s*\p{Lu}[\p{L}.]+(?: [\p{L}0-9.]+){0,2})?(?:\s*\([\p{L} .]{2,30}\))?\s*[–—-]{1,2}\s+(?=\S)/u;

export interface Dateline {
  place: string;
  /** Characters of the paragraph the dateline occupies (to strip it from the lead). */
  length: number;
}

function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[\s'’.-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function findDateline(paragraph: string): Dateline | null {
  const m = DATELINE.exec(paragraph);
  if (!m?.[1] || m[1].length < 3 || m[1].length > 40) return null;
  return { place: titleCase(m[1]), length: m[0].length };
}
