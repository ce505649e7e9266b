const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const MONTH_DAY = new RegExp(
  String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`,
  "gi",
);
const DAY_MONTH = new RegExp(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}(?:,?\s+(\d{4}))?\b`,
  "gi",
);
const NUMERIC = /\b(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[/.](\d{1,2})[/.](\d{4}))\b/g;
const WEEKDAY =
  /\b(?:on|since|from|late|early|last|this)\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi;

const DAY_MS = 86_400_000;

/** Whole days since the epoch of a UTC calendar date, or null when the date does not exist. */
export function dayNumber(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? ms / DAY_MS : null;
}

export function dayOfIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export interface DateMention {
  day: number;
  index: number;
  /** The year was written out, so the mention is a reliable anchor. */
  hasYear: boolean;
}

/** Calendar dates written in the text; a missing year is taken from `refYear`. */
export function findDates(text: string, refYear: number): DateMention[] {
  const out: DateMention[] = [];
  const push = (index: number, y: string | undefined, month: number, day: number) => {
    const n = dayNumber(y ? Number(y) : refYear, month, day);
    if (n !== null) out.push({ day: n, index, hasYear: Boolean(y) });
  };
  for (const m of text.matchAll(MONTH_DAY)) {
    push(m.index, m[3], MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, Number(m[2]));
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    push(m.index, m[3], MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, Number(m[1]));
  }
  for (const m of text.matchAll(NUMERIC)) {
    if (m[1]) push(m.index, m[1], Number(m[2]), Number(m[3]));
    else push(m.index, m[6], Number(m[5]), Number(m[4]));
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Weekdays named as when something happened ("on Monday"), resolved to the latest such day on or before `anchor`. */
export function findWeekdays(text: string, anchor: number): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(WEEKDAY)) {
    const target = WEEKDAYS.indexOf(m[1]!.toLowerCase());
    const anchorWeekday = (((anchor + 4) % 7) + 7) % 7;
    out.push(anchor - ((anchorWeekday - target + 7) % 7));
  }
  return out;
}
