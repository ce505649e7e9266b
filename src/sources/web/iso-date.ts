const MONTHS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
] as const;

/**
 * `YYYY-MM-DD` from a date as pages write it, or null. The calendar day is kept as written (no
 * conversion to UTC), since the publisher's local day is the one readers saw.
 */
export function toIsoDate(raw: string): string | null {
  const value = raw.trim();
  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(value);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(value);
  if (compact) return valid(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (/^\d{10}(\d{3})?$/.test(value)) {
    const date = new Date(Number(value) * (value.length === 10 ? 1000 : 1));
    return valid(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  return fromWords(value);
}

/** "November 19, 2019", "19 Nov 2019", "Tue, 19 Nov 2019 08:00:00 GMT". */
function fromWords(value: string): string | null {
  const monthFirst = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(value);
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(value);
  if (monthFirst) return named(monthFirst[1], monthFirst[2], monthFirst[3]);
  if (dayFirst) return named(dayFirst[2], dayFirst[1], dayFirst[3]);
  return null;
}

function named(month = "", day = "", year = ""): string | null {
  const index = MONTHS.indexOf(month.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  return index < 0 ? null : valid(Number(year), index + 1, Number(day));
}

function valid(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
