/** Waits `ms`, or less if `signal` aborts. Injected so tests can use fake timers or a fast clock. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Built on the global setTimeout (not timers/promises) so `vi.useFakeTimers()` controls it. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener("abort", done, { once: true });
  });
