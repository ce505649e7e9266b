import { findDates } from "./find-date.js";

const MONTH =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
/** "March 4", "Feb. 26, 2025", "10 December 2024". */
const DATE = `(?:${MONTH}\\s\\d{1,2}(?:,?\\s\\d{4})?|\\d{1,2}\\s${MONTH}(?:,?\\s\\d{4})?)`;
/** A wire place in capitals: "NAIROBI", "SÃO PAULO", "KOSTANAY". */
const CAPS_PLACE = "\\p{Lu}[\\p{Lu}'’.-]+(?: \\p{Lu}[\\p{Lu}'’.-]+){0,3}";
/** A place in title case, trusted only before a wire tag or a long dash: "Geneva", "Vilnius". */
const TITLE_PLACE =
  "(?!(?:Meanwhile|However|Also|Today|Yesterday|Update|Breaking|Analysis|Opinion|Exclusive|Live|Watch)\\b)\\p{Lu}\\p{Ll}[\\p{Ll}'’.-]+(?: \\p{Lu}\\p{Ll}[\\p{Ll}'’.-]+){0,2}";
/** ", Kenya", ", Ohio", ", N.Y." after the place. */
const REGION = "(?:,\\s*\\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]+){0,2})";
/** "(Reuters)", "(AP)", "(AFP)", "/PRNewswire/". */
const WIRE = "(?:\\([\\p{L} .]{2,30}\\)|\\/[\\p{L} -]{2,30}\\/)";
const PLACE_TAIL = `(?:,?\\s*(${DATE})|${REGION}(?:,?\\s*(${DATE}))?)?`;

/**
 * A wire-style dateline at the start of a paragraph: "ASTANA –", "NEW YORK, Jan 5 (Reuters) -",
 * "NAIROBI, Kenya (AP) —", "Geneva (AFP) -", "LONDON, March 3, 2025 /PRNewswire/ --",
 * "BOSTON--(BUSINESS WIRE)--Jan. 14, 2025--". Only a capitalised place counts, so an ordinary
 * sentence is never mistaken for one.
 */
const DATELINES: RegExp[] = [
  new RegExp(
    `^(${CAPS_PLACE})${REGION}?--\\([\\p{L} ]{2,30}\\)--\\s*(${DATE})?\\s*--\\s*(?=\\S)`,
    "u",
  ),
  new RegExp(`^(${CAPS_PLACE})${PLACE_TAIL}(?:\\s*${WIRE})?\\s*[–—-]{1,2}\\s+(?=\\S)`, "u"),
  new RegExp(
    `^(${TITLE_PLACE})${PLACE_TAIL}\\s*(?:${WIRE}\\s*[–—-]{1,2}|[–—])\\s+(?=\\p{Lu})`,
    "u",
  ),
];

export interface Dateline {
  place: string;
  /** The date the dateline states with its year, else null. */
  date: string | null;
  /** Characters of the paragraph the dateline occupies (to strip it from the lead). */
  length: number;
}

function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[\s'’.-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function findDateline(paragraph: string): Dateline | null {
  for (const re of DATELINES) {
    const m = re.exec(paragraph);
    if (!m?.[1] || m[1].length < 3 || m[1].length > 40) continue;
    const stated = m.slice(2).find((g) => g !== undefined);
    return {
      place: titleCase(m[1]),
      date: stated ? (findDates(stated)[0]?.iso ?? null) : null,
      length: m[0].length,
    };
  }
  return null;
}
