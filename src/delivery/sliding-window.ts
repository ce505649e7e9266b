/**
 * At most `capacity` events in any `windowMs`: a ring of the last `capacity` event times.
 * Unlike a token bucket with burst, it never lets `rate + burst` through in one window.
 */
export interface SlidingWindow {
  /** Milliseconds until one more event fits (0: now). */
  delay(nowMs: number): number;
  record(nowMs: number): void;
  /** Moves the newest events recorded at `fromMs` to `toMs` (when they really happened). */
  restamp(fromMs: number, toMs: number): void;
  /** True when every recorded event has left the window (the window can be dropped). */
  isIdle(nowMs: number): boolean;
}

export function createSlidingWindow(capacity: number, windowMs: number): SlidingWindow {
  const times = new Array<number>(capacity).fill(Number.NEGATIVE_INFINITY);
  let next = 0; // index of the oldest entry, overwritten by the next record
  return {
    delay: (nowMs) => Math.max(0, (times[next] as number) + windowMs - nowMs),
    record(nowMs) {
      times[next] = nowMs;
      next = (next + 1) % capacity;
    },
    restamp(fromMs, toMs) {
      for (let n = 0, i = (next + capacity - 1) % capacity; n < capacity; n++) {
        if (times[i] !== fromMs) return;
        times[i] = toMs;
        i = (i + capacity - 1) % capacity;
      }
    },
    isIdle: (nowMs) => (times[(next + capacity - 1) % capacity] as number) + windowMs <= nowMs,
  };
}

/** `rate` events per `unitMs` as a window: 300/s → 300 per 1000 ms; 0.5/s → 1 per 2000 ms. */
export function windowForRate(rate: number, unitMs: number): SlidingWindow {
  const capacity = Math.max(1, Math.floor(rate));
  return createSlidingWindow(capacity, (unitMs * capacity) / rate);
}
