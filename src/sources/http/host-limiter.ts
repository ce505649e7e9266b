import { setTimeout as delay } from "node:timers/promises";
import type { Clock } from "../../lib/clock.js";

export interface HostLimiter {
  /** Runs `task` when `host` has a free slot and its last request started long enough ago. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

export interface HostLimiterOptions {
  clock: Clock;
  perHostConcurrency?: number;
  perHostIntervalMs?: number;
  /** Waits `ms` of the clock's time; tests pass one that advances a fake clock. */
  sleep?: (ms: number) => Promise<void>;
}

interface HostState {
  active: number;
  nextStartAt: number;
  waiting: Array<() => void>;
  sleeping: boolean;
}

/** Politeness per host: at most N requests in flight and one request start per interval. */
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
      state.nextStartAt = options.clock.now().getTime() + interval;
      state.active += 1;
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
        own.active -= 1;
        pump(host, own);
      }
    },
  };
}
