const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

/** Each pattern yields [year, month, day] from its match. */
const PATTERNS: Array<{ re: RegExp; ymd: (m: RegExpExecArray) => [string, string, string] }> = [
  // "2025-06-14" and the date of an ISO stamp "2025-06-14T09:30:00Z".
  { re: /\b(\d{4})-(\d{2})-(\d{2})(?:\b|(?=T\d))/g, ymd: (m) => [m[1]!, m[2]!, m[3]!] },
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "gi"),
    ymd: (m) => [m[3]!, m[1]!, m[2]!],
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, "gi"),
    ymd: (m) => [m[3]!, m[2]!, m[1]!],
  },
  { re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g, ymd: (m) => [m[3]!, m[2]!, m[1]!] },
  { re: /\b(\d{4})\/(\d{2})\/(\d{2})\b/g, ymd: (m) => [m[1]!, m[2]!, m[3]!] },
];

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

function toIso([y, mo, d]: [string, string, string]): string | null {
  const year = Number(y);
  const month = /^\d+$/.test(mo) ? Number(mo) : MONTHS[mo.toLowerCase().slice(0, 3)];
  const day = Number(d);
  if (!month || year < 1900 || year > 2100 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Every pattern above needs a four-digit year: one cheap scan rules most texts out. */
const YEAR = /\d{4}/;

/** Every full calendar date (day, month and year) in `text`, in order of appearance. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  if (!YEAR.test(text)) return found;
  for (const { re, ymd } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const iso = toIso(ymd(m));
      if (
        iso &&
        !found.some((f) => m!.index < f.index + f.length && f.index < m!.index + m![0].length)
      ) {
        found.push({ iso, index: m.index, length: m[0].length });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "Published", "Updated 6:48 PM GMT+3,", "Tuesday,": what may stand before the date of a stamp. */
const STAMP_LABEL =
  /^(?:(?:first )?published|(?:last )?updated|(?:last )?modified|posted|date)(?: on| at)?\s*:?\s*/i;
const UPDATE_LABEL = /^(?:last |updated|modified)/i;
const CLOCK = String.raw`\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?`;
const LEADING_CLOCK = new RegExp(`^${CLOCK}\\s*,?\\s*`, "i");
const WEEKDAY = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*/i;
/** What may follow the date: a clock time, an ISO time ("T09:30:00Z"), nothing else. */
const TRAILING_TIME = new RegExp(
  `^(?:[\\s,|·•–—-]*(?:at\\s+)?${CLOCK}|T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?[\\s.]*$`,
  "i",
);
/** A short label beside a date stamp: a section ("Health"), a byline ("By Marta Ruiz"). */
const STAMP_SIDE_LABEL = /^[^.!?:;,\d]{1,40}$/;

export interface DateStamp {
  iso: string;
  /** Labelled "Updated …": the first publication date wins over it. */
  updated: boolean;
}

function stampSegment(segment: string): DateStamp | null {
  const label = STAMP_LABEL.exec(segment)?.[0] ?? "";
  const rest = segment.slice(label.length).replace(LEADING_CLOCK, "").replace(WEEKDAY, "");
  const [first] = findDates(rest);
  if (!first || first.index !== 0 || !TRAILING_TIME.test(rest.slice(first.length))) return null;
  return { iso: first.iso, updated: UPDATE_LABEL.test(label) };
}

/**
 * A line that is a date stamp and nothing else: "Published 26 February 2025, 21:14",
 * "Updated 6:48 PM GMT+3, April 29, 2025", "Health | Tuesday, 12 August 2025.",
 * "By Marta Ruiz | 2025-06-14T09:30:00Z" (short labels may stand beside it, split by "|" or "·").
 */
export function parseDateStamp(line: string): DateStamp | null {
  if (!YEAR.test(line)) return null;
  const segments = line.trim().split(/\s+[|·•]\s+/);
  let stamp: DateStamp | null = null;
  for (const segment of segments) {
    const found: DateStamp | null = stamp ? null : stampSegment(segment);
    if (found) stamp = found;
    else if (segments.length === 1 || !STAMP_SIDE_LABEL.test(segment)) return null;
  }
  return stamp;
}

/** A line that is nothing but a date stamp: its date. */
export function parseDateLine(line: string): string | null {
  return parseDateStamp(line)?.iso ?? null;
}
