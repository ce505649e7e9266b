import type { CronSpec } from "./parse-cron.js";
import type { Schedule } from "./parse-schedule.js";
import { gapEndAfter, instantsOfWallTime, offsetAt } from "./zoned-time.js";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** "0 9 29 2 *" can be 8 years away (2096 -> 2104); look a little further before giving up. */
const MAX_DAYS_AHEAD = 366 * 9;

/** Vixie cron: when both day fields are restricted a day matches either; otherwise it must match both. */
export function matchesDay(spec: CronSpec, year: number, month: number, day: number): boolean {
  if (!spec.months.includes(month)) return false;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const byDate = spec.daysOfMonth.includes(day);
  const byWeekday = spec.daysOfWeek.includes(weekday);
  return spec.dayOfMonthStar || spec.dayOfWeekStar ? byDate && byWeekday : byDate || byWeekday;
}

/**
 * The instants at which a matching wall time fires (the DST policy, see docs/adr/0002):
 * interval jobs fire at every real instant showing that wall time, so none in a gap and twice in an
 * overlap; fixed-time jobs fire once, at the first occurrence, or at the end of the gap that skipped it.
 */
function firingInstants(spec: CronSpec, naive: number, timeZone: string): number[] {
  const instants = instantsOfWallTime(naive, timeZone);
  if (spec.followsElapsedTime) return instants;
  if (instants.length === 0) return [gapEndAfter(naive, timeZone)];
  return instants.slice(0, 1);
}

/** The first slot strictly after `after`, or null if the cron never fires again within nine years. */
export function nextSlot(schedule: Schedule, after: Date): Date | null {
  const { cron: spec, timeZone } = schedule;
  const afterMs = after.getTime();
  // An instant after `after` shows a wall time above this, whichever offset (now or within a day) applies.
  const floorNaive =
    afterMs + Math.min(offsetAt(afterMs, timeZone), offsetAt(afterMs + DAY_MS, timeZone));
  let best: number | null = null;
  // Wall times at or above this map to instants after `best` (offsets near `best` are at most this).
  let ceilingNaive = Number.POSITIVE_INFINITY;
  let dayStart = Math.floor(floorNaive / DAY_MS) * DAY_MS;
  for (let i = 0; i < MAX_DAYS_AHEAD && dayStart < ceilingNaive; i++, dayStart += DAY_MS) {
    const date = new Date(dayStart);
    if (!matchesDay(spec, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()))
      continue;
    for (const hour of spec.hours) {
      for (const minute of spec.minutes) {
        const naive = dayStart + hour * HOUR_MS + minute * MINUTE_MS;
        if (naive <= floorNaive) continue;
        if (naive >= ceilingNaive) return best === null ? null : new Date(best);
        for (const instant of firingInstants(spec, naive, timeZone)) {
          if (instant > afterMs && (best === null || instant < best)) {
            best = instant;
            ceilingNaive =
              best + Math.max(offsetAt(best - DAY_MS, timeZone), offsetAt(best, timeZone));
          }
        }
      }
    }
  }
  return best === null ? null : new Date(best);
}
