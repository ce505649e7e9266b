export interface DeliveryOptions {
  /** Consecutive chat_gone failures that turn a subscription off (DEACTIVATE_AFTER). */
  deactivateAfter: number;
  /** Attempts before a row that keeps failing with not_sent (or ambiguous on a nonce channel) fails. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long after a possibly-delivered attempt a resend with the same nonce is still deduplicated. */
  ambiguousWindowMs: number;
  /** Each platform's sender holds the lease `<prefix>:<platform>` (`deliver:telegram`). */
  leasePrefix: string;
  /** A crashed holder's lease frees after this long (sooner when its pid is known dead). */
  leaseTtlMs: number;
  /** When another live process holds the lease: wait for it, or stop with a fatal error. */
  leaseBusy: "wait" | "exit";
  /** Longest idle sleep: rows written by another process are noticed within this time. */
  pollMs: number;
  /** Most due rows read per dispatch round. */
  batchSize: number;
  /** How long stop() waits for sends in flight; rows still sending are recovered at next start. */
  stopTimeoutMs: number;
  /** Most onSlot calls committed in one transaction (group commit). */
  enqueueBatchSize: number;
  /** The "no news" line for subscriptions with notifyEmpty. */
  emptyNotice: string;
  /** Settled ledger rows older than this are pruned (LEDGER_RETENTION). */
  ledgerRetentionMs: number;
  /** How often the ledger is pruned while running (and once at start). */
  pruneEveryMs: number;
  /**
   * Digests list stories (one entry per event across sources) and follow them: no resend when a
   * source joins, "updated" plus an edit when key facts change. Off: one entry per card.
   */
  stories: boolean;
  /** At most this many stories in one digest whose best card comes from one outlet. */
  storiesPerSource: number;
}

export const DELIVERY_DEFAULTS = {
  deactivateAfter: 3,
  maxAttempts: 8,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  ambiguousWindowMs: 120_000,
  leasePrefix: "deliver",
  leaseTtlMs: 30_000,
  leaseBusy: "wait",
  pollMs: 5_000,
  batchSize: 64,
  stopTimeoutMs: 10_000,
  enqueueBatchSize: 200,
  emptyNotice: "No new stories since the last digest.",
  ledgerRetentionMs: 30 * 86_400_000,
  pruneEveryMs: 3_600_000,
  stories: false,
  storiesPerSource: 2,
} as const satisfies DeliveryOptions;

export function deliveryOptions(overrides: Partial<DeliveryOptions> = {}): DeliveryOptions {
  return { ...DELIVERY_DEFAULTS, ...overrides };
}
