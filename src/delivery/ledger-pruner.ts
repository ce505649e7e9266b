import type { Clock } from "../lib/index.js";
import type { Logger } from "../lib/index.js";
import type { Store } from "../store/index.js";
import type { Sleep } from "./sleep.js";

export interface LedgerPrunerDeps {
  store: Pick<Store, "ledger">;
  clock: Clock;
  logger: Logger;
  sleep: Sleep;
  /** Settled rows older than this are deleted (LEDGER_RETENTION). */
  retentionMs: number;
  everyMs: number;
}

export interface LedgerPruner {
  /** Prunes once now, then every `everyMs` until stopped. */
  start(): void;
  /** Idempotent; resolves once a prune in progress has finished. */
  stop(): Promise<void>;
  /** One pass; returns how many rows went. Never throws (a failure is logged). */
  pruneNow(): Promise<number>;
}

/** Keeps the ledger from growing forever; receipts stay, so nothing pruned is ever sent again. */
export function createLedgerPruner(deps: LedgerPrunerDeps): LedgerPruner {
  let abort: AbortController | undefined;
  let loop: Promise<void> | undefined;

  async function pruneNow(): Promise<number> {
    const before = new Date(deps.clock.now().getTime() - deps.retentionMs);
    try {
      const removed = await deps.store.ledger.prune(before);
      if (removed > 0) {
        deps.logger.info({ removed, before: before.toISOString() }, "pruned settled ledger rows");
      }
      return removed;
    } catch (error) {
      deps.logger.error({ err: error }, "could not prune the ledger; will retry");
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
