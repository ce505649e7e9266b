import { parseCron, type CronSpec } from "./parse-cron.js";
import { validateCron, validateTimeZone } from "./validate-schedule.js";

/** A validated cron expression bound to an IANA time zone: the input of all slot math. */
export interface Schedule {
  readonly cron: CronSpec;
  readonly timeZone: string;
}

export type ParseScheduleResult = { ok: true; schedule: Schedule } | { ok: false; error: string };

export function parseSchedule(cron: string, timeZone: string): ParseScheduleResult {
  const cronCheck = validateCron(cron);
  if (!cronCheck.ok) return cronCheck;
  const zoneCheck = validateTimeZone(timeZone);
  if (!zoneCheck.ok) return zoneCheck;
  const parsed = parseCron(cron);
  if (!parsed.ok) return parsed;
  return { ok: true, schedule: { cron: parsed.spec, timeZone: timeZone.trim() } };
}
