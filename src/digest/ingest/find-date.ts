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
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, ymd: (m) => [m[1]!, m[2]!, m[3]!] },
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

/** A line that is nothing but a date (optionally labelled "date", "published", "updated"). */
export function parseDateLine(line: string): string | null {
  const trimmed = line.trim().replace(/^(?:date|published|updated|posted)(?: on)?:?\s*/i, "");
  const [first] = findDates(trimmed);
  if (!first || first.index !== 0) return null;
  const rest = trimmed
    .slice(first.length)
    .replace(/^[\s,|·•–—-]*(?:\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?)?\s*(?:[A-Z]{2,4})?\s*$/, "");
  return rest === "" ? first.iso : null;
}
