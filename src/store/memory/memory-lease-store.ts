import { expiryOf, mayAcquire, RELEASED_AT } from "../lease-rules.js";
import type { LeaseRecord } from "../ports.js";
import type { SyncLeaseStore } from "../sync-ports.js";

export function createMemoryLeaseStore(): SyncLeaseStore {
  const leases = new Map<string, LeaseRecord>();
  const holds = (name: string, holder: string, epoch: number, now: Date) => {
    const lease = leases.get(name);
    return (
      lease !== undefined &&
      lease.holder === holder &&
      lease.epoch === epoch &&
      Date.parse(lease.expiresAt) > now.getTime()
    );
  };
  return {
    acquire(request) {
      const current = leases.get(request.name);
      if (!mayAcquire(current, request)) return { ok: false, current: { ...current! } };
      const epoch = (current?.epoch ?? 0) + 1;
      leases.set(request.name, {
        name: request.name,
        holder: request.holder,
        epoch,
        expiresAt: expiryOf(request),
      });
      return { ok: true, epoch };
    },
    renew(request) {
      if (!holds(request.name, request.holder, request.epoch, request.now)) return false;
      leases.get(request.name)!.expiresAt = expiryOf(request);
      return true;
    },
    release(name, holder, epoch) {
      const lease = leases.get(name);
      if (lease?.holder === holder && lease.epoch === epoch) lease.expiresAt = RELEASED_AT;
    },
    holds,
    get: (name) => {
      const lease = leases.get(name);
      return lease === undefined ? undefined : { ...lease };
    },
  };
}
