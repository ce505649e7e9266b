/** A parsed standard 5-field cron expression; every list is sorted and de-duplicated. */
export interface CronSpec {
  readonly source: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: readonly number[];
  readonly months: readonly number[];
  /** 0-6, Sunday is 0 (a written 7 is folded into 0). */
  readonly daysOfWeek: readonly number[];
  /** Vixie cron rule: a day field written starting with "*" does not restrict; see `matchesDay`. */
  readonly dayOfMonthStar: boolean;
  readonly dayOfWeekStar: boolean;
  /** Minute or hour written with "*": an interval job that follows elapsed time (Vixie's wildcard jobs). */
  readonly followsElapsedTime: boolean;
}

export type ParseCronResult = { ok: true; spec: CronSpec } | { ok: false; error: string };

interface FieldDef {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  readonly nameBase?: number;
  readonly example: string;
}

const MONTH_NAMES = [
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
];
const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
/** Longest each month can be (February 29 fires in leap years only). */
const MAX_DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const FIELDS: readonly FieldDef[] = [
  { name: "minute", min: 0, max: 59, example: `"30 8 * * *" for 08:30 daily` },
  { name: "hour", min: 0, max: 23, example: `"0 18 * * *" for 18:00 daily` },
  { name: "day", min: 1, max: 31, example: `"0 8 1 * *" for 08:00 on the 1st of each month` },
  {
    name: "month",
    min: 1,
    max: 12,
    names: MONTH_NAMES,
    nameBase: 1,
    example: `"0 8 * jan-mar *" for 08:00 daily from January to March`,
  },
  {
    name: "weekday",
    min: 0,
    max: 7,
    names: DAY_NAMES,
    nameBase: 0,
    example: `"0 8 * * mon-fri" for 08:00 on weekdays`,
  },
];

const SHORTCUTS: Readonly<Record<string, string>> = {
  "@hourly": "0 * * * *",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@weekly": "0 0 * * 0",
  "@monthly": "0 0 1 * *",
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
};

const DAILY_EXAMPLE = `e.g. "0 8 * * *" for 08:00 daily`;

class FieldProblem extends Error {}

function parseValue(text: string, def: FieldDef, item: string): number {
  const index = def.names?.indexOf(text.toLowerCase()) ?? -1;
  if (index >= 0) return index + (def.nameBase ?? 0);
  if (!/^\d+$/.test(text)) {
    throw new FieldProblem(
      `${def.name} "${item}" is not a number, range (1-5), step (*/15) or list (1,15)`,
    );
  }
  const value = Number(text);
  if (value < def.min || value > def.max) {
    const names = def.names ? ` or ${def.names[0]}-${def.names.at(-1)}` : "";
    const sunday = def.name === "weekday" ? " (0 and 7 are Sunday)" : "";
    throw new FieldProblem(`${def.name} "${item}" must be ${def.min}-${def.max}${names}${sunday}`);
  }
  return value;
}

function parseItem(item: string, def: FieldDef, into: Set<number>): void {
  const [base = "", stepText, extra] = item.split("/");
  if (base === "" || extra !== undefined)
    throw new FieldProblem(`${def.name} has an empty or malformed item "${item}"`);
  let step = 1;
  if (stepText !== undefined) {
    const span = def.max - def.min;
    step = /^\d+$/.test(stepText) ? Number(stepText) : 0;
    if (step < 1 || step > span) {
      throw new FieldProblem(`${def.name} step "/${stepText}" must be a whole number 1-${span}`);
    }
  }
  let from = def.min;
  let to = def.max;
  if (base !== "*") {
    const [low = "", high, more] = base.split("-");
    if (more !== undefined || high === "")
      throw new FieldProblem(`${def.name} range "${item}" is malformed`);
    from = parseValue(low, def, item);
    to = high === undefined ? from : parseValue(high, def, item);
    if (high === undefined && stepText !== undefined) {
      throw new FieldProblem(
        `${def.name} "${item}": a step needs a range or "*", like "${low}-${def.max}/${stepText}"`,
      );
    }
    if (to < from)
      throw new FieldProblem(
        `${def.name} range "${item}" goes backwards; write the smaller end first`,
      );
  }
  // Weekday 7 is Sunday, as in Vixie cron.
  for (let v = from; v <= to; v += step) into.add(def.name === "weekday" ? v % 7 : v);
}

function parseField(text: string, def: FieldDef): number[] {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    if (item === "") throw new FieldProblem(`${def.name} "${text}" has an empty list item`);
    parseItem(item, def, values);
  }
  return [...values].sort((a, b) => a - b);
}

function someDayExists(daysOfMonth: readonly number[], months: readonly number[]): boolean {
  return months.some((m) => daysOfMonth.some((d) => d <= (MAX_DAYS_IN_MONTH[m - 1] ?? 31)));
}

/** Parses the standard subset only: numbers, names, ranges, steps, lists and "*"; no seconds, L, W, # or ?. */
export function parseCron(expression: string): ParseCronResult {
  const source = expression.trim();
  const quoted = `cron "${source}"`;
  if (source === "")
    return {
      ok: false,
      error: `cron is empty; write 5 fields (minute hour day month weekday), ${DAILY_EXAMPLE}`,
    };
  const shortcut = SHORTCUTS[source.toLowerCase()];
  if (shortcut !== undefined) {
    return {
      ok: false,
      error: `${quoted}: shortcuts are not supported; write 5 fields instead, e.g. "${shortcut}"`,
    };
  }
  const parts = source.split(/\s+/);
  if (parts.length === 6) {
    return {
      ok: false,
      error: `${quoted} has 6 fields, but seconds are not supported (at most once a minute); use 5 fields (minute hour day month weekday), e.g. "${parts.slice(1).join(" ")}"`,
    };
  }
  if (parts.length !== 5) {
    return {
      ok: false,
      error: `${quoted} needs 5 fields (minute hour day month weekday), ${DAILY_EXAMPLE}`,
    };
  }
  const fields: number[][] = [];
  for (const [i, def] of FIELDS.entries()) {
    try {
      fields.push(parseField(parts[i] ?? "", def));
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      return { ok: false, error: `${quoted}: ${error.message}, e.g. ${def.example}` };
    }
  }
  const [minutes = [], hours = [], daysOfMonth = [], months = [], daysOfWeek = []] = fields;
  const dayOfMonthStar = parts[2]?.startsWith("*") ?? true;
  if (!dayOfMonthStar && !someDayExists(daysOfMonth, months)) {
    return {
      ok: false,
      error: `${quoted} never fires: none of its months has day ${parts[2]}; e.g. "0 8 28 2 *" for 08:00 on February 28`,
    };
  }
  const spec: CronSpec = {
    source,
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    dayOfMonthStar,
    dayOfWeekStar: parts[4]?.startsWith("*") ?? true,
    followsElapsedTime: Boolean(parts[0]?.startsWith("*") || parts[1]?.startsWith("*")),
  };
  return { ok: true, spec };
}
