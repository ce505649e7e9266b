const HOUR_MS = 3_600_000;

export interface SchedulerTuning {
  /** A slot missed while down is caught up (once, coalesced) only if it is at most this old. */
  catchupGraceMs: number;
  /** A slot handled later than this while running (event loop stalled, machine asleep) counts as missed. */
  lateToleranceMs: number;
  /** Wake at least this often: notices wall-clock jumps and stays below setTimeout's 24.8-day limit. */
  maxTimerDelayMs: number;
  /** A wall clock earlier than the previous tick by more than this is a step back, not jitter. */
  backwardStepToleranceMs: number;
  /** Skipped slots are counted for the log line up to this many, so a long outage stays cheap. */
  maxCountedSlots: number;
  /** Subscriptions are re-read at least this often (changes made by other processes). */
  reloadMs: number;
  /** A change is read this long after it is announced; changes in between share the read. */
  changeDebounceMs: number;
}

export const schedulerDefaults = {
  catchupGraceMs: 6 * HOUR_MS,
  lateToleranceMs: 60_000,
  maxTimerDelayMs: HOUR_MS,
  maxCountedSlots: 1000,
  reloadMs: 30_000,
  changeDebounceMs: 100,
  backwardStepToleranceMs: 1_000,
} as const satisfies SchedulerTuning;
