import type { FactCard } from "../digest/index.js";
import type {
  DeliveryTarget,
  NewSubscription,
  Platform,
  Subscription,
} from "../model/subscription.js";
import type {
  LedgerCounts,
  LedgerFilter,
  LedgerRow,
  NewLedgerRow,
  SettledStatus,
} from "../model/ledger-row.js";

export interface LedgerRetry {
  nextAttemptAt: Date;
  error: string | null;
  maybeDelivered?: boolean;
}

export interface ChatRef {
  platform: Platform;
  chatId: string;
}

export type UpsertResult = "inserted" | "replaced" | "unchanged";

export interface CardStore {
  /** One card per source: a changed article replaces its source's old card; same content is a no-op. */
  upsert(card: FactCard, arrivedAt: Date): UpsertResult;
  removeBySource(source: string): boolean;
  /** Every stored source with its current card id (for a watcher to notice deleted files). */
  sources(): Array<{ source: string; id: string }>;
  count(): number;
  /** Newest first: card date descending (undated last), then arrival descending. */
  latest(options: { limit: number; offset: number }): FactCard[];
  /** By exact id, or by a prefix of at least 4 characters that matches exactly one card. */
  get(idOrPrefix: string): FactCard | undefined;
  /** Cards containing every word of `query` (case-insensitive), newest first. */
  search(query: string, limit: number): FactCard[];
  /** Id prefix matches first, then title prefix, then title substring; newest first within each. */
  suggest(prefix: string, limit: number): Array<{ id: string; title: string }>;
  /** Newest first: cards `target` has not received, optionally only those arrived since a time. */
  unreceived(
    target: DeliveryTarget,
    options: { arrivedSince?: string; limit: number; offset: number },
  ): FactCard[];
}

/** What the scheduler needs; `SubscriptionStore` satisfies it structurally. */
export interface ScheduleStore {
  listActive(): Subscription[];
  markFired(id: string, slotIso: string): void;
}

export interface SubscriptionStore extends ScheduleStore {
  /** Applies the schema defaults and a fresh short id. Throws StoreError on invalid input. */
  create(input: NewSubscription, now: Date): Subscription;
  get(id: string): Subscription | undefined;
  list(): Subscription[];
  listByChat(where: ChatRef): Subscription[];
  remove(id: string): Subscription | undefined;
  /** Telegram group → supergroup migration: every subscription of the chat follows it. */
  moveChat(platform: Platform, fromChatId: string, toChatId: string): number;
  recordSuccess(id: string): void;
  /** Returns the new number of consecutive failures (0 when the subscription is gone). */
  recordFailure(id: string): number;
  deactivate(id: string): void;
}

export interface ReceivedStore {
  mark(target: DeliveryTarget, cardIds: readonly string[], subscriptionId: string, at: Date): void;
  has(target: DeliveryTarget, cardId: string): boolean;
  list(target: DeliveryTarget): string[];
  moveChat(platform: Platform, fromChatId: string, toChatId: string): number;
}

/**
 * The delivery outbox. Transitions out of `sending` are fenced by the epoch that claimed the row,
 * so a process that lost its lease can never overwrite the new holder's decisions.
 */
export interface LedgerStore {
  /** Ignores rows whose (subscription, slot, part) already exists; returns how many were new. */
  insert(rows: readonly NewLedgerRow[], now: Date): number;
  hasSlot(subscriptionId: string, slot: string): boolean;
  hasAny(subscriptionId: string): boolean;
  /** A subscription's pending rows, oldest slot first, parts in order (indexed: called per enqueue). */
  pendingFor(subscriptionId: string): LedgerRow[];
  get(id: string): LedgerRow | undefined;
  list(filter?: LedgerFilter): LedgerRow[];
  counts(filter?: LedgerFilter): LedgerCounts;
  /** Pending rows due by `now` whose earlier parts are settled, oldest due first. */
  due(now: Date, limit: number): LedgerRow[];
  /** The earliest `nextAttemptAt` of pending rows whose earlier parts are settled. */
  nextDueAt(): string | undefined;
  /** pending → sending under `epoch`; false if the row is not pending any more. */
  claim(id: string, epoch: number, now: Date): boolean;
  /** sending → sent | uncertain | failed, only if still claimed by `epoch`. */
  settle(
    id: string,
    epoch: number,
    status: SettledStatus,
    error: string | null,
    now: Date,
  ): boolean;
  /**
   * sending → pending (to retry at `nextAttemptAt`), only if still claimed by `epoch`.
   * `maybeDelivered` records that the last attempt may have arrived (kept from the first time).
   */
  release(id: string, epoch: number, retry: LedgerRetry, now: Date): boolean;
  /** Moves a pending row's next attempt later (pacing); no effect on other statuses. */
  defer(id: string, until: Date, now: Date): boolean;
  /** Points pending and sending rows of a migrated chat at its new id. */
  retarget(platform: Platform, fromChatId: string, toChatId: string, now: Date): number;
  /** pending → failed with `reason` for a subscription (optionally one slot). */
  cancelPending(
    where: { subscriptionId: string; slot?: string },
    reason: string,
    now: Date,
  ): number;
}

export interface LeaseRecord {
  name: string;
  holder: string;
  epoch: number;
  expiresAt: string;
}

export interface LeaseRequest {
  name: string;
  holder: string;
  now: Date;
  ttlMs: number;
  /** Take over from this holder even before expiry (it is known to be dead). */
  replaceHolder?: string;
}

export type LeaseResult = { ok: true; epoch: number } | { ok: false; current: LeaseRecord };

export interface LeaseStore {
  /** Free, expired, ours or `replaceHolder`'s: take it with a new, higher epoch. */
  acquire(request: LeaseRequest): LeaseResult;
  renew(request: LeaseRequest & { epoch: number }): boolean;
  release(name: string, holder: string, epoch: number): void;
  holds(name: string, holder: string, epoch: number, now: Date): boolean;
  get(name: string): LeaseRecord | undefined;
}

export interface KvStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/** Every store of the app. `createMemoryStore()` and `createSqliteStore(db)` return this shape. */
export interface Store {
  readonly kind: "memory" | "sqlite";
  readonly cards: CardStore;
  readonly subscriptions: SubscriptionStore;
  readonly received: ReceivedStore;
  readonly ledger: LedgerStore;
  readonly lease: LeaseStore;
  readonly kv: KvStore;
  /**
   * Runs `fn` atomically. SQLite: an IMMEDIATE transaction (a savepoint when nested), rolled back
   * on throw. Memory: synchronous code is already atomic; changes made before a throw remain.
   */
  transaction<T>(fn: () => T): T;
}
