import { z } from "zod";
import { DeliveryTarget } from "./subscription.js";

export const LEDGER_STATUSES = ["pending", "sending", "sent", "uncertain", "failed"] as const;
export const LedgerStatus = z.enum(LEDGER_STATUSES);
export type LedgerStatus = z.infer<typeof LedgerStatus>;

/** One message part of one digest (subscription × slot × part): the unit the worker sends and retries. */
export const LedgerRow = z.object({
  /** ≤ 25 chars: also the platform nonce, so a retried send can be deduplicated. */
  id: z.string().min(1).max(25),
  subscriptionId: z.string().min(1),
  slot: z.iso.datetime(),
  partIndex: z.number().int().min(0),
  partCount: z.number().int().min(1),
  target: DeliveryTarget,
  payload: z.record(z.string(), z.unknown()),
  /** Cards of the whole digest, marked received when a part is sent (or possibly sent). */
  cardIds: z.array(z.string()),
  status: LedgerStatus,
  attempts: z.number().int().min(0),
  nextAttemptAt: z.iso.datetime(),
  firstAttemptAt: z.iso.datetime().nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  /** The first attempt that may have reached the platform: later resends need its nonce window. */
  maybeDeliveredAt: z.iso.datetime().nullable(),
  /** Fencing token: the lease epoch of the process that moved the row to `sending`. */
  claimedEpoch: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LedgerRow = z.infer<typeof LedgerRow>;

export type NewLedgerRow = Pick<
  LedgerRow,
  "id" | "subscriptionId" | "slot" | "partIndex" | "partCount" | "target" | "payload" | "cardIds"
>;

export interface LedgerFilter {
  subscriptionId?: string;
  slot?: string;
  status?: LedgerStatus;
}

export type LedgerCounts = Record<LedgerStatus, number> & { total: number };

export function emptyCounts(): LedgerCounts {
  return { pending: 0, sending: 0, sent: 0, uncertain: 0, failed: 0, total: 0 };
}

/** Terminal outcomes of a send; `uncertain` means it may have been delivered and is never resent. */
export type SettledStatus = Extract<LedgerStatus, "sent" | "uncertain" | "failed">;
