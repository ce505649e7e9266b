import type { LeaseRecord, LeaseRequest } from "./ports.js";

/** Whether `request` may take the lease as it stands; both stores share this rule. */
export function mayAcquire(current: LeaseRecord | undefined, request: LeaseRequest): boolean {
  if (current === undefined) return true;
  if (current.holder === request.holder) return true;
  if (request.replaceHolder !== undefined && current.holder === request.replaceHolder) return true;
  return Date.parse(current.expiresAt) <= request.now.getTime();
}

export function expiryOf(request: LeaseRequest): string {
  return new Date(request.now.getTime() + request.ttlMs).toISOString();
}

/** Released leases keep their epoch (so the next holder still gets a higher one) but expire at once. */
export const RELEASED_AT = new Date(0).toISOString();
