import { setTimeout as delay } from "node:timers/promises";
import type { Clock } from "../../lib/index.js";
import { createHostLimiter, type HostLimiter } from "./host-limiter.js";

/**
 * Where processes agree on request starts per host (the store's `reserveHostStart`): returns
 * the instant reserved for this start, at least `intervalMs` after the host's previous one.
 */
export type ReserveHostStart = (host: string, now: Date, intervalMs: number) => Promise<Date>;

export interface SharedHostLimiterOptions {
  clock: Clock;
  reserve: ReserveHostStart;
  /** Cap of requests in flight per host, in this process only (default 2). */
  perHostConcurrency?: number;
  perHostIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told the clock time of every request start (metrics, benchmarks). */
  onStart?: (host: string, at: number) => void;
}

/**
 * Politeness across processes: every start on a host is reserved in the shared store, so N
 * processes together start at most one request per interval per host. The in-flight cap and the
 * spacing after a finish stay per process (the local limiter this wraps).
 */
export function createSharedHostLimiter(options: SharedHostLimiterOptions): HostLimiter {
  const interval = options.perHostIntervalMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const local = createHostLimiter({
    clock: options.clock,
    sleep,
    perHostIntervalMs: interval,
    ...(options.perHostConcurrency ? { perHostConcurrency: options.perHostConcurrency } : {}),
  });
  return {
    run: (host, task) =>
      local.run(host, async () => {
        const start = await options.reserve(host, options.clock.now(), interval);
        const wait = start.getTime() - options.clock.now().getTime();
        if (wait > 0) await sleep(wait);
        options.onStart?.(host, options.clock.now().getTime());
        return task();
      }),
  };
}
