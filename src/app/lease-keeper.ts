import { createDeliveryLease } from "../delivery/index.js";
import type { Clock, Logger } from "../lib/index.js";
import type { Store } from "../store/index.js";

export interface LeaseKeeperDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  name: string;
  holder: string;
  ttlMs: number;
  isHolderGone: (holder: string) => boolean;
  /** The lease is ours: start the work it guards. */
  onAcquired(): Promise<void>;
  /** The lease is gone (lost, or released on stop): stop the work at once. */
  onLost(): Promise<void>;
}

export interface LeaseKeeper {
  start(): Promise<void>;
  /** Whether the lease is ours right now, by the database (fenced by our epoch). */
  holds(): Promise<boolean>;
  /** Idempotent: stops the work while still holding the lease, then releases it. */
  stop(): Promise<void>;
}

/**
 * Holds one named lease for as long as the process lives: tries to take it every third of the
 * TTL, renews it when held, and starts or stops the guarded work as it comes and goes.
 */
export function createLeaseKeeper(deps: LeaseKeeperDeps): LeaseKeeper {
  const { store, logger, name } = deps;
  const lease = createDeliveryLease({ ...deps, store });
  const intervalMs = Math.max(50, Math.floor(deps.ttlMs / 3));
  let held = false;
  let timer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;
  let turn: Promise<void> = Promise.resolve();
  let waitingLogged = false;

  const step = async () => {
    if (stopping) return;
    if (held) {
      if (await lease.renewIfDue()) return;
      held = false;
      logger.warn({ lease: name }, "lease lost; stopping its work");
      await deps.onLost();
      return;
    }
    const result = await lease.acquire();
    if (!result.ok) {
      if (!waitingLogged)
        logger.info(
          { lease: name, holder: result.current.holder },
          "lease held elsewhere; waiting",
        );
      waitingLogged = true;
      return;
    }
    held = true;
    waitingLogged = false;
    logger.info({ lease: name, epoch: result.epoch }, "lease taken");
    try {
      await deps.onAcquired();
    } catch (error) {
      // Holding a lease without doing its work would keep every other process out.
      held = false;
      await lease.release();
      throw error;
    }
  };
  // One step at a time: a slow database never lets two steps overlap.
  const tick = () => {
    turn = turn
      .then(step)
      .catch((error: unknown) => logger.warn({ err: error, lease: name }, "lease step failed"));
    return turn;
  };

  return {
    /** Rejects when the first attempt's work fails to start (a bad token, say). */
    async start() {
      const first = step();
      turn = first.catch(() => undefined);
      await first;
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
    },
    async holds() {
      const epoch = lease.epoch;
      return epoch !== undefined && (await lease.holds(store, epoch));
    },
    stop() {
      stopping ??= (async () => {
        clearInterval(timer);
        await turn;
        if (!held) return;
        await deps.onLost();
        held = false;
        await lease.release();
      })();
      return stopping;
    },
  };
}
