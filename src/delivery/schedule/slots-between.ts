import { nextSlot } from "./next-slot.js";
import type { Schedule } from "./parse-schedule.js";

/** Slots `s` with `after < s <= until`, oldest first, at most `limit` of them. */
export function slotsBetween(
  schedule: Schedule,
  after: Date,
  until: Date,
  limit = Number.POSITIVE_INFINITY,
): Date[] {
  const slots: Date[] = [];
  let cursor: Date | null = nextSlot(schedule, after);
  while (cursor !== null && cursor.getTime() <= until.getTime() && slots.length < limit) {
    slots.push(cursor);
    cursor = nextSlot(schedule, cursor);
  }
  return slots;
}
