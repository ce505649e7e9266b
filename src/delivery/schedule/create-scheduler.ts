import type { Clock } from "../../lib/index.js";
import type { Logger } from "../../lib/index.js";
import type { Subscription } from "../../model/index.js";
import { nextSlot } from "./next-slot.js";
import { parseSchedule, type Schedule } from "./parse-schedule.js";
import { planDueSlot } from "./plan-due-slot.js";
import type { ChangeFeed } from "../../store/index.js";
import { rebaseAfterBackwardStep } from "./rebase-after-backward-step.js";
import { schedulerDefaults } from "./scheduler-defaults.js";

/** What the scheduler needs from storage: the subscriptions to run and where to record fired slots. */
export interface ScheduleStore {
  listActive(): Promise<Subscription[]>;
  markFired(id: string, slotIso: string): Promise<void>;
}

export type OnSlot = (
  subscription: Subscription,
  slot: Date,
  info: { catchUp: boolean },
) => Promise<void>;

/** Injected so tests can drive time; the default defers to the globals at call time (fake timers apply). */
export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  store: ScheduleStore;
  onSlot: OnSlot;
  clock: Clock;
  logger: Logger;
  catchupGraceMs?: number;
  timers?: SchedulerTimers;
  /** Subscription changes made in this process (or announced by another) trigger a reload. */
  changes?: ChangeFeed;
  /** Reload at least this often, so changes made by another process are seen in bounded time. */
  reloadMs?: number;
  /** Changes announced within this long share one reload (a burst of /subscribe). */
  changeDebounceMs?: number;
}

export interface Scheduler {
  /** Reads subscriptions, catches up on slots missed while down, and starts ticking. */
  start(): Promise<void>;
  /** Idempotent: stops ticking and resolves once every in-flight `onSlot` has settled. */
  stop(): Promise<void>;
  /** Re-reads subscriptions after subscribe/unsubscribe/edit; new ones start from now, without catch-up. */
  refresh(): Promise<void>;
}

const systemTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Entry {
  subscription: Subscription;
  schedule: Schedule;
  next: Date | null;
  /** The latest slot handed off (or recorded in the store): a clock now before it stepped back. */
  lastFired: Date | null;
}

/**
 * One timer for all subscriptions, driven by our own slot math rather than node-cron tasks: node-cron
 * 4.6 skips wall times lost to spring-forward and fires the second occurrence on fall-back (ADR 0002).
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, onSlot, clock, logger } = options;
  const timers = options.timers ?? systemTimers;
  const graceMs = options.catchupGraceMs ?? schedulerDefaults.catchupGraceMs;
  const entries = new Map<string, Entry>();
  const running = new Map<string, Promise<void>>();
  let timer: unknown = null;
  let armedFor = 0;
  let lastTickAt: number | null = null;
  let started = false;
  let reloading: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  let reloadTimer: unknown = null;
  let unsubscribe = () => {};
  const reloadMs = options.reloadMs ?? schedulerDefaults.reloadMs;
  const reloadSoon = () =>
    void refresh().catch((error: unknown) =>
      logger.error({ err: error }, "could not reload subscriptions"),
    );
  const debounceMs = options.changeDebounceMs ?? schedulerDefaults.changeDebounceMs;
  let changeTimer: unknown = null;
  // Each reload reads every subscription: one per change made 3,000 /subscribe quadratic.
  const onChange = () => {
    if (changeTimer !== null || !started) return;
    changeTimer = timers.setTimeout(() => {
      changeTimer = null;
      reloadSoon();
    }, debounceMs);
  };
  function armReload(): void {
    if (!started) return;
    reloadTimer = timers.setTimeout(() => {
      reloadSoon();
      armReload();
    }, reloadMs);
  }
  async function refresh(): Promise<void> {
    if (!started) return;
    // Loads run one after another: a slow one must not overwrite a newer one's entries. Changes
    // that arrive while a load waits to start share it (it reads after them all): a burst of
    // 3,000 /subscribe costs a few reloads, not 3,000 reads of every subscription.
    queued ??= reloading.then(() => {
      queued = null;
      return started ? load(false) : undefined;
    });
    reloading = queued;
    await reloading;
    arm();
  }

  async function load(resumeFromStore: boolean): Promise<void> {
    const active = await store.listActive();
    logger.debug({ subscriptions: active.length }, "subscriptions loaded");
    const now = clock.now();
    const seen = new Set<string>();
    for (const subscription of active) {
      const { id, cron, timezone } = subscription;
      seen.add(id);
      const existing = entries.get(id);
      if (existing?.subscription.cron === cron && existing.subscription.timezone === timezone) {
        existing.subscription = subscription;
        continue;
      }
      const parsed = parseSchedule(cron, timezone);
      if (!parsed.ok) {
        logger.error(
          { subscriptionId: id, error: parsed.error },
          "invalid schedule; not scheduled",
        );
        entries.delete(id);
        continue;
      }
      // Only at start do we look back (to the last fired slot, or creation) so downtime gets caught up.
      const stored = new Date(subscription.lastSlot ?? subscription.createdAt);
      if (resumeFromStore && stored.getTime() > now.getTime()) {
        logger.warn(
          { subscriptionId: id, lastSlot: stored.toISOString(), now: now.toISOString() },
          "last fired slot is in the future (clock stepped back); resuming from now",
        );
      }
      const from = resumeFromStore ? new Date(Math.min(stored.getTime(), now.getTime())) : now;
      entries.set(id, {
        subscription,
        schedule: parsed.schedule,
        next: nextSlot(parsed.schedule, from),
        lastFired: subscription.lastSlot === null ? null : new Date(subscription.lastSlot),
      });
    }
    for (const id of entries.keys()) if (!seen.has(id)) entries.delete(id);
  }

  async function deliver(subscription: Subscription, slot: Date, catchUp: boolean): Promise<void> {
    const context = { subscriptionId: subscription.id, slot: slot.toISOString(), catchUp };
    try {
      await onSlot(subscription, slot, { catchUp });
    } catch (error) {
      logger.error({ ...context, err: error }, "digest slot failed; the scheduler carries on");
      return;
    }
    // Marked after the hand-off: the ledger dedupes per (subscription, slot), so a repeat is harmless.
    try {
      await store.markFired(subscription.id, slot.toISOString());
    } catch (error) {
      logger.error({ ...context, err: error }, "could not record the fired slot");
    }
  }

  function fire(subscription: Subscription, slot: Date, catchUp: boolean): void {
    const id = subscription.id;
    if (running.has(id)) {
      logger.warn(
        { subscriptionId: id, slot: slot.toISOString() },
        "previous digest still running; slot skipped (no overlap)",
      );
      return;
    }
    const run = deliver(subscription, slot, catchUp).finally(() => running.delete(id));
    running.set(id, run);
  }

  function tick(lateToleranceMs: number): void {
    timer = null;
    if (!started) return;
    const now = clock.now();
    rebaseAfterBackwardStep(entries.values(), now, lastTickAt, logger);
    lastTickAt = now.getTime();
    for (const entry of entries.values()) {
      if (entry.next === null || entry.next.getTime() > now.getTime()) continue;
      const plan = planDueSlot(entry.schedule, entry.next, now, {
        graceMs,
        lateToleranceMs,
        countLimit: schedulerDefaults.maxCountedSlots,
      });
      entry.next = plan.next;
      if (plan.fire) entry.lastFired = plan.fire.slot;
      const counts = {
        subscriptionId: entry.subscription.id,
        coalesced: plan.coalesced,
        skipped: plan.skipped,
        skippedCountCapped: plan.skipped >= schedulerDefaults.maxCountedSlots,
        graceMs,
      };
      if (plan.fire?.catchUp) {
        logger.info({ ...counts, slot: plan.fire.slot.toISOString() }, "catching up a missed slot");
      } else if (!plan.fire) {
        logger.info(counts, "missed slots older than the catch-up grace window skipped");
      }
      if (plan.fire) fire(entry.subscription, plan.fire.slot, plan.fire.catchUp);
    }
    arm();
  }

  function arm(): void {
    let earliest = Number.POSITIVE_INFINITY;
    for (const { next } of entries.values()) {
      if (next !== null) earliest = Math.min(earliest, next.getTime());
    }
    const wait = Math.max(earliest - clock.now().getTime(), 0);
    // A reload that changed nothing keeps the armed timer: re-arming would push a capped wake-up
    // (the hourly check for clock steps) or a tick due this instant further away.
    if (timer !== null && started && earliest === armedFor) return;
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (!started || earliest === Number.POSITIVE_INFINITY) return;
    armedFor = earliest;
    timer = timers.setTimeout(
      () => tick(schedulerDefaults.lateToleranceMs),
      Math.min(wait, schedulerDefaults.maxTimerDelayMs),
    );
  }

  return {
    async start() {
      if (started) return;
      started = true;
      entries.clear();
      await load(true);
      if (!started) return;
      unsubscribe = options.changes?.subscribe("subscriptions", onChange) ?? (() => {});
      armReload();
      logger.info({ subscriptions: entries.size }, "scheduler started");
      // Zero tolerance: at start every past slot was missed while down, however recent.
      tick(0);
    },
    async stop() {
      started = false;
      unsubscribe();
      if (timer !== null) timers.clearTimeout(timer);
      if (reloadTimer !== null) timers.clearTimeout(reloadTimer);
      if (changeTimer !== null) timers.clearTimeout(changeTimer);
      timer = null;
      reloadTimer = null;
      changeTimer = null;
      await Promise.all(running.values());
    },
    refresh,
  };
}
