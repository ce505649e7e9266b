import { nextSlot } from "./next-slot.js";
import type { Schedule } from "./parse-schedule.js";
import { slotsBetween } from "./slots-between.js";

export interface DueSlotPlan {
  /** The slot to hand off now, if any; `catchUp` when it is a late, coalesced one. */
  readonly fire: { readonly slot: Date; readonly catchUp: boolean } | null;
  /** Missed slots inside the grace window folded into the catch-up call (besides the one fired). */
  readonly coalesced: number;
  /** Missed slots older than the grace window, dropped; counted up to `countLimit`. */
  readonly skipped: number;
  /** The slot to wait for next. */
  readonly next: Date | null;
}

export interface DueSlotOptions {
  readonly graceMs: number;
  /** How late a single slot may be handled and still count as on time. */
  readonly lateToleranceMs: number;
  readonly countLimit: number;
}

/**
 * Decides what to do about the slot `due` at `now`: fire it on time, or, if it and possibly later
 * ones were missed, fire only the latest missed slot inside the grace window and drop the rest.
 */
export function planDueSlot(
  schedule: Schedule,
  due: Date,
  now: Date,
  options: DueSlotOptions,
): DueSlotPlan {
  if (due.getTime() > now.getTime()) return { fire: null, coalesced: 0, skipped: 0, next: due };
  const following = nextSlot(schedule, due);
  const onTime =
    now.getTime() - due.getTime() <= options.lateToleranceMs &&
    (following === null || following.getTime() > now.getTime());
  if (onTime)
    return { fire: { slot: due, catchUp: false }, coalesced: 0, skipped: 0, next: following };

  const graceStart = now.getTime() - options.graceMs;
  // Both ranges are exclusive at the start, so step back one millisecond to include `due` itself.
  const fromDue = due.getTime() - 1;
  const recent = slotsBetween(schedule, new Date(Math.max(fromDue, graceStart - 1)), now);
  const older =
    fromDue < graceStart - 1
      ? slotsBetween(schedule, new Date(fromDue), new Date(graceStart - 1), options.countLimit)
      : [];
  const latest = recent.at(-1);
  return {
    fire: latest ? { slot: latest, catchUp: true } : null,
    coalesced: Math.max(recent.length - 1, 0),
    skipped: older.length,
    next: nextSlot(schedule, now),
  };
}
