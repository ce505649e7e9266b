const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function ymd(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function writtenDate(raw: string): string | null {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const rfc = /(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\b/i.exec(raw);
  if (!rfc) return null;
  const month = MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1;
  const year = Number(rfc[3]);
  return ymd(year < 100 ? 2000 + year : year, month, Number(rfc[1]));
}

/**
 * The publication date as the publisher wrote it (its own calendar day, not UTC's) and the
 * instant in ISO 8601; either is null when the string does not give it.
 */
export function feedDates(raw: string | undefined): {
  date: string | null;
  publishedAt: string | null;
} {
  if (!raw?.trim()) return { date: null, publishedAt: null };
  const at = Date.parse(raw.trim());
  const publishedAt = Number.isNaN(at) ? null : new Date(at).toISOString();
  return { date: writtenDate(raw) ?? publishedAt?.slice(0, 10) ?? null, publishedAt };
}
