import { setImmediate as yieldToLoop } from "node:timers/promises";
import type { RssSampler } from "./rss-sampler.js";

export interface PhaseResult {
  items: number;
  wallMs: number;
  cpuMs: number;
  /** Peak sampled RSS during the phase, bytes. */
  peakRss: number;
}

/** How long the loop runs before letting the RSS timer fire. */
const YIELD_EVERY_MS = 25;

/**
 * Runs `work` over every item on the main thread, timing wall clock and CPU. It yields to the event
 * loop every few milliseconds only so the RSS sampler can run; the yields cost well under 1%.
 */
export async function runPhase<T>(
  items: readonly T[],
  work: (item: T) => void,
  sampler: RssSampler,
): Promise<PhaseResult> {
  sampler.reset();
  const cpu = process.cpuUsage();
  const start = performance.now();
  let lastYield = start;
  for (const item of items) {
    work(item);
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      await yieldToLoop();
      lastYield = performance.now();
    }
  }
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return {
    items: items.length,
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    peakRss: sampler.peak(),
  };
}
