import type { Clock, Logger } from "../lib/index.js";
import type { Store } from "../store/index.js";

export const UPDATE_PRUNER_DEFAULTS = {
  /** Telegram redelivers an update for a day at most: older ids cannot come back. */
  keepMs: 24 * 60 * 60_000,
  everyMs: 60 * 60_000,
} as const;

/** Forgets handled update ids after a day, hourly; returns the stop function. */
export function startUpdatePruner(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  keepMs?: number;
  everyMs?: number;
}): () => void {
  const keepMs = deps.keepMs ?? UPDATE_PRUNER_DEFAULTS.keepMs;
  const prune = async () => {
    const before = new Date(deps.clock.now().getTime() - keepMs);
    try {
      const removed = await deps.store.updates.prune(before);
      if (removed > 0) deps.logger.debug({ removed }, "old update ids pruned");
    } catch (error) {
      deps.logger.warn({ err: error }, "could not prune old update ids");
    }
  };
  void prune();
  const timer = setInterval(() => void prune(), deps.everyMs ?? UPDATE_PRUNER_DEFAULTS.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
