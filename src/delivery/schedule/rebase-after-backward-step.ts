import type { Logger } from "../../lib/index.js";
import { nextSlot } from "./next-slot.js";
import type { Schedule } from "./parse-schedule.js";
import { schedulerDefaults } from "./scheduler-defaults.js";

/** The part of a scheduled subscription that a clock step changes. */
export interface SteppableEntry {
  subscription: { id: string };
  schedule: Schedule;
  next: Date | null;
  lastFired: Date | null;
}

/**
 * After the wall clock stepped back (NTP, a VM restore), slots computed from the old time sit in the
 * future and nothing would fire until the clock catches up. Such entries resume at the next slot of
 * the new time; a slot that was already handed off is deduplicated by the ledger.
 */
export function rebaseAfterBackwardStep(
  entries: Iterable<SteppableEntry>,
  now: Date,
  previousTickAt: number | null,
  logger: Logger,
  toleranceMs: number = schedulerDefaults.backwardStepToleranceMs,
): number {
  const t = now.getTime();
  const steppedBack = previousTickAt !== null && t < previousTickAt - toleranceMs;
  let rebased = 0;
  for (const entry of entries) {
    const firedAhead = entry.lastFired !== null && entry.lastFired.getTime() > t + toleranceMs;
    if (!steppedBack && !firedAhead) continue;
    const next = nextSlot(entry.schedule, now);
    // Only a slot further away than the schedule says moves; a due slot must still fire.
    if (next === null || entry.next === null || next.getTime() >= entry.next.getTime()) continue;
    entry.next = next;
    rebased += 1;
  }
  if (rebased > 0) {
    logger.warn(
      {
        now: now.toISOString(),
        previousTick: previousTickAt === null ? null : new Date(previousTickAt).toISOString(),
        rebased,
      },
      "clock stepped back; schedules resume at the next slot of the new time",
    );
  }
  return rebased;
}
