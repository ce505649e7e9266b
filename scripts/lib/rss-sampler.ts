export interface RssSampler {
  /** Peak RSS in bytes seen since the last reset (sampled, plus the current value). */
  peak(): number;
  reset(): void;
  stop(): void;
}

/**
 * Samples process RSS on a timer. The timer only fires when the event loop turns, so the measured
 * loops yield between batches; unref'd so it never keeps the process alive.
 */
export function startRssSampler(intervalMs = 50): RssSampler {
  let max = process.memoryUsage.rss();
  const timer = setInterval(() => {
    max = Math.max(max, process.memoryUsage.rss());
  }, intervalMs);
  timer.unref();
  return {
    peak: () => Math.max(max, process.memoryUsage.rss()),
    reset: () => {
      max = process.memoryUsage.rss();
    },
    stop: () => clearInterval(timer),
  };
}
