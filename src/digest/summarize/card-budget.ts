import type { Clock } from "../../lib/index.js";
import { SUMMARY_BOUNDS } from "./summary-bounds.js";

/** What one card may still spend: wall time, checked between steps, and sentence compressions. */
export interface CardBudget {
  /** The time limit in milliseconds, for the error that names it. */
  readonly ms: number;
  /** True once the article has used its time: the builder stops with a named reason. */
  expired(): boolean;
  /** Takes one compression; false once the article's compressions are spent. */
  takeCompression(): boolean;
}

export const DEFAULT_BUDGET_MS = 2_000;

export function createCardBudget(input: {
  clock: Clock;
  ms?: number;
  maxCompressions?: number;
}): CardBudget {
  const ms = input.ms ?? DEFAULT_BUDGET_MS;
  const deadline = input.clock.now().getTime() + ms;
  let compressionsLeft = input.maxCompressions ?? SUMMARY_BOUNDS.maxCompressions;
  let expired = false;
  return {
    ms,
    expired: () => (expired ||= input.clock.now().getTime() > deadline),
    takeCompression: () => compressionsLeft-- > 0,
  };
}

/** The reason an article over its time budget is skipped with. */
export function overBudgetReason(ms: number): string {
  return `took longer than ${ms} ms to summarize; skipped`;
}
