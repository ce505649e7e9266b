import { vi } from "vitest";
import { createScheduler, type OnSlot } from "../../../src/delivery/schedule/index.js";
import type { Subscription } from "../../../src/model/subscription.js";
import { systemClock } from "../../../src/lib/clock.js";
import { createCapturingLogger, createMemoryScheduleStore } from "./schedule-test-kit.js";

export interface Call {
  id: string;
  slot: string;
  catchUp: boolean;
}

/** Fake timers at `now`, a memory store, a capturing logger and a scheduler on the system clock (faked too). */
export function setupScheduler(
  subscriptions: Subscription[],
  options: { now: string; graceMs?: number; onSlot?: OnSlot },
) {
  vi.useFakeTimers({ now: new Date(options.now) });
  const store = createMemoryScheduleStore(subscriptions);
  const { logger, lines } = createCapturingLogger();
  const calls: Call[] = [];
  const onSlot: OnSlot = async (subscription, slot, info) => {
    calls.push({ id: subscription.id, slot: slot.toISOString(), catchUp: info.catchUp });
    await options.onSlot?.(subscription, slot, info);
  };
  const scheduler = createScheduler({
    store,
    onSlot,
    clock: systemClock,
    logger,
    ...(options.graceMs === undefined ? {} : { catchupGraceMs: options.graceMs }),
  });
  return { scheduler, store, lines, calls };
}
