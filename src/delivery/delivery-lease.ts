import type { Clock } from "../lib/index.js";
import type { LeaseResult, Store } from "../store/index.js";

export interface DeliveryLeaseDeps {
  store: Store;
  clock: Clock;
  holder: string;
  name: string;
  ttlMs: number;
  isHolderGone: (holder: string) => boolean;
}

/**
 * The single-writer lease with its fencing epoch. Claims check `holds()` inside the same
 * transaction, and every later write on a row is fenced by the epoch that claimed it.
 */
export function createDeliveryLease(deps: DeliveryLeaseDeps) {
  const { store, clock, holder, name, ttlMs } = deps;
  let epoch: number | undefined;
  let renewAt = 0;

  const taken = (result: LeaseResult): LeaseResult => {
    if (result.ok) {
      epoch = result.epoch;
      renewAt = clock.now().getTime() + ttlMs / 3;
    }
    return result;
  };

  return {
    get epoch() {
      return epoch;
    },
    get holder() {
      return holder;
    },
    async acquire(): Promise<LeaseResult> {
      const request = { name, holder, now: clock.now(), ttlMs };
      const first = taken(await store.lease.acquire(request));
      if (first.ok || !deps.isHolderGone(first.current.holder)) return first;
      // The holder's process is gone: no need to wait out its lease.
      return taken(await store.lease.acquire({ ...request, replaceHolder: first.current.holder }));
    },
    /** Renews when a third of the TTL has passed; false when the lease was lost. */
    async renewIfDue(): Promise<boolean> {
      if (epoch === undefined) return false;
      const now = clock.now();
      if (now.getTime() < renewAt) return true;
      if (!(await store.lease.renew({ name, holder, epoch, now, ttlMs }))) {
        epoch = undefined;
        return false;
      }
      renewAt = now.getTime() + ttlMs / 3;
      return true;
    },
    msUntilRenewal: () => Math.max(0, renewAt - clock.now().getTime()),
    /** Checked through `tx` inside the claiming transaction (fencing). */
    holds: (tx: Store, atEpoch: number) => tx.lease.holds(name, holder, atEpoch, clock.now()),
    lost() {
      epoch = undefined;
    },
    async release(): Promise<void> {
      const held = epoch;
      epoch = undefined;
      if (held !== undefined) await store.lease.release(name, holder, held);
    },
  };
}

export type DeliveryLease = ReturnType<typeof createDeliveryLease>;
