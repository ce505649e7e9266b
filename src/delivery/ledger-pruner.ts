import type { Clock } from "../lib/index.js";
import type { Logger } from "../lib/index.js";
import type { Store } from "../store/index.js";
import type { Sleep } from "./sleep.js";

export interface PrunerDeps {
  clock: Clock;
  logger: Logger;
  sleep: Sleep;
  /** Deletes what is older than `before`; returns how many went. */
  prune(before: Date): Promise<number>;
  /** What is older than this goes. */
  retentionMs: number;
  everyMs: number;
  /** Log lines: what was pruned, and that a pass failed (it is retried next time). */
  messages: { pruned: string; failed: string };
  /** Their levels; info and error unless the table is routine housekeeping. */
  levels?: { pruned: "info" | "debug"; failed: "error" | "warn" };
}

export interface Pruner {
  /** Prunes once now, then every `everyMs` until stopped. */
  start(): void;
  /** Idempotent; resolves once a prune in progress has finished. */
  stop(): Promise<void>;
  /** One pass; returns how many went. Never throws (a failure is logged). */
  pruneNow(): Promise<number>;
}

/** A table that would grow forever, pruned now and then periodically; stop waits for a pass. */
export function createPruner(deps: PrunerDeps): Pruner {
  let abort: AbortController | undefined;
  let loop: Promise<void> | undefined;
  const levels = deps.levels ?? { pruned: "info", failed: "error" };

  async function pruneNow(): Promise<number> {
    const before = new Date(deps.clock.now().getTime() - deps.retentionMs);
    try {
      const removed = await deps.prune(before);
      if (removed > 0) {
        deps.logger[levels.pruned]({ removed, before: before.toISOString() }, deps.messages.pruned);
      }
      return removed;
    } catch (error) {
      deps.logger[levels.failed]({ err: error }, deps.messages.failed);
      return 0;
    }
  }

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await pruneNow();
      await deps.sleep(deps.everyMs, signal);
    }
  }

  return {
    pruneNow,
    start() {
      if (loop !== undefined) return;
      abort = new AbortController();
      loop = run(abort.signal);
    },
    async stop() {
      abort?.abort();
      await loop;
    },
  };
}

export interface LedgerPrunerDeps extends Omit<PrunerDeps, "prune" | "messages"> {
  store: Pick<Store, "ledger">;
}

/** Keeps the ledger from growing forever; receipts stay, so nothing pruned is ever sent again. */
export function createLedgerPruner(deps: LedgerPrunerDeps): Pruner {
  return createPruner({
    ...deps,
    prune: (before) => deps.store.ledger.prune(before),
    messages: {
      pruned: "pruned settled ledger rows",
      failed: "could not prune the ledger; will retry",
    },
  });
}
