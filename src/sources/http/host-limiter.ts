import { setTimeout as delay } from "node:timers/promises";
import type { Clock } from "../../lib/index.js";

export interface HostLimiter {
  /** Runs `task` when `host` has a free slot and its last request started and ended long enough ago. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

export interface HostLimiterOptions {
  clock: Clock;
  perHostConcurrency?: number;
  perHostIntervalMs?: number;
  /** Waits `ms` of the clock's time; tests pass one that advances a fake clock. */
  sleep?: (ms: number) => Promise<void>;
  /** Told the clock time of every request start it grants (metrics, benchmarks). */
  onStart?: (host: string, at: number) => void;
}

interface HostState {
  active: number;
  nextStartAt: number;
  waiting: Array<() => void>;
  sleeping: boolean;
}

/**
 * Politeness per host: at most N requests in flight, and a request starts no sooner than the
 * interval after the previous request on that host started or finished.
 */
export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const concurrency = options.perHostConcurrency ?? 2;
  const interval = options.perHostIntervalMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const hosts = new Map<string, HostState>();

  function pump(host: string, state: HostState): void {
    while (state.waiting.length > 0 && state.active < concurrency && !state.sleeping) {
      const wait = state.nextStartAt - options.clock.now().getTime();
      if (wait > 0) {
        state.sleeping = true;
        void sleep(wait).then(() => {
          state.sleeping = false;
          pump(host, state);
        });
        return;
      }
      const now = options.clock.now().getTime();
      state.nextStartAt = now + interval;
      state.active += 1;
      options.onStart?.(host, now);
      state.waiting.shift()!();
    }
    // An idle host whose interval has passed needs no memory.
    if (state.active === 0 && state.waiting.length === 0 && !state.sleeping) {
      if (state.nextStartAt <= options.clock.now().getTime()) hosts.delete(host);
    }
  }

  return {
    async run(host, task) {
      let state = hosts.get(host);
      if (!state) {
        state = { active: 0, nextStartAt: 0, waiting: [], sleeping: false };
        hosts.set(host, state);
      }
      const own = state;
      await new Promise<void>((resolve) => {
        own.waiting.push(resolve);
        pump(host, own);
      });
      try {
        return await task();
      } finally {
        // Spacing from the finish too: a start delayed by a busy event loop must not bunch up at the server.
        own.nextStartAt = Math.max(own.nextStartAt, options.clock.now().getTime() + interval);
        own.active -= 1;
        pump(host, own);
      }
    },
  };
}
