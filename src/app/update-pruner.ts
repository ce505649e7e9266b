import { createPruner, sleep } from "../delivery/index.js";
import type { Clock, Logger } from "../lib/index.js";
import type { Store } from "../store/index.js";

export const UPDATE_PRUNER_DEFAULTS = {
  /** Telegram redelivers an update for a day at most: older ids cannot come back. */
  keepMs: 24 * 60 * 60_000,
  everyMs: 60 * 60_000,
} as const;

/** Forgets handled update ids after a day, hourly; returns the stop function (awaits a pass). */
export function startUpdatePruner(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  keepMs?: number;
  everyMs?: number;
}): () => Promise<void> {
  const pruner = createPruner({
    ...deps,
    sleep,
    prune: (before) => deps.store.updates.prune(before),
    retentionMs: deps.keepMs ?? UPDATE_PRUNER_DEFAULTS.keepMs,
    everyMs: deps.everyMs ?? UPDATE_PRUNER_DEFAULTS.everyMs,
    messages: { pruned: "old update ids pruned", failed: "could not prune old update ids" },
    levels: { pruned: "debug", failed: "warn" },
  });
  pruner.start();
  return () => pruner.stop();
}
