import type { QuietHours } from "../model/index.js";
import { nextSlot, parseSchedule } from "./schedule/index.js";
import { wallTimeOf } from "./schedule/zoned-time.js";

export type QuietHoursResult =
  { ok: true; value: QuietHours | null } | { ok: false; error: string };

const EXAMPLE = `e.g. "22:00-07:00", or "off"`;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** "22:00-07:00" (or "22-7", "22:00 07:00") -> a window; "off" -> null. */
export function parseQuietHours(text: string): QuietHoursResult {
  const trimmed = text.trim().toLowerCase();
  if (["off", "none", "no", "aus"].includes(trimmed)) return { ok: true, value: null };
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(?:-|–|to|bis|\s)\s*(\d{1,2})(?::(\d{2}))?$/.exec(trimmed);
  const hhmm = (h?: string, min?: string) => `${(h ?? "").padStart(2, "0")}:${min ?? "00"}`;
  if (!m) return { ok: false, error: `quiet hours are a from-to window in local time, ${EXAMPLE}` };
  const start = hhmm(m[1], m[2]);
  const end = hhmm(m[3], m[4]);
  const valid = (t: string) => /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(t);
  if (!valid(start) || !valid(end)) {
    return { ok: false, error: `times run from 00:00 to 23:59, ${EXAMPLE}` };
  }
  if (start === end) return { ok: false, error: `start and end must differ, ${EXAMPLE}` };
  return { ok: true, value: { start, end } };
}

/** "22:00–07:00" */
export const formatQuietHours = (q: QuietHours) => `${q.start}–${q.end}`;

/**
 * When `at` falls in the quiet window (local time in `timeZone`; end exclusive; wraps midnight),
 * the instant the window opens again; otherwise undefined.
 */
export function quietUntil(quiet: QuietHours, timeZone: string, at: Date): Date | undefined {
  const wall = wallTimeOf(at.getTime(), timeZone);
  const now = wall.hour * 60 + wall.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return undefined;
  // The window's end as a daily cron: the scheduler's slot math handles DST gaps and overlaps.
  const schedule = parseSchedule(
    `${minutesOf(quiet.end) % 60} ${Math.floor(end / 60)} * * *`,
    timeZone,
  );
  if (!schedule.ok) return undefined;
  return nextSlot(schedule.schedule, at) ?? undefined;
}
