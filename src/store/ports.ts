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
  /**
   * One card per source item (its id): a changed text replaces the card and keeps its arrival;
   * the same card again is a no-op.
   */
  upsert(card: FactCard, arrivedAt: Date): Promise<UpsertResult>;
  removeItem(sourceId: string, key: string): Promise<boolean>;
  /** Every stored item of a source with its card id (for a watcher to notice deleted files). */
  items(sourceId: string): Promise<Array<{ key: string; id: string }>>;
  count(): Promise<number>;
  /** Newest first: latest arrival first, then the later insert (the article's date plays no part). */
  latest(options: { limit: number; offset: number }): Promise<FactCard[]>;
  /** By exact id, or by a prefix of at least 4 characters that matches exactly one card. */
  get(idOrPrefix: string): Promise<FactCard | undefined>;
  /**
   * Cards containing every term of `query` as whole words (stemmed; `"quoted phrases"` kept
   * together), most relevant first: title hits, then all hits, then newest.
   */
  search(query: string, limit: number): Promise<FactCard[]>;
  /** Id prefix matches first, then title prefix, then title substring; newest first within each. */
  suggest(prefix: string, limit: number): Promise<Array<{ id: string; title: string }>>;
  /** Newest first: cards `target` has not received, optionally only those arrived since a time. */
  unreceived(
    target: DeliveryTarget,
    options: { arrivedSince?: string; limit: number; offset: number },
  ): Promise<FactCard[]>;
}

/** What the scheduler needs; `SubscriptionStore` satisfies it structurally. */
export interface ScheduleStore {
  listActive(): Promise<Subscription[]>;
  markFired(id: string, slotIso: string): Promise<void>;
}

export interface SubscriptionStore extends ScheduleStore {
  /** Applies the schema defaults and a fresh short id. Throws StoreError on invalid input. */
  create(input: NewSubscription, now: Date): Promise<Subscription>;
  get(id: string): Promise<Subscription | undefined>;
  list(): Promise<Subscription[]>;
  listByChat(where: ChatRef): Promise<Subscription[]>;
  remove(id: string): Promise<Subscription | undefined>;
  /** Telegram group → supergroup migration: every subscription of the chat follows it. */
  moveChat(platform: Platform, fromChatId: string, toChatId: string): Promise<number>;
  recordSuccess(id: string): Promise<void>;
  /** Returns the new number of consecutive failures (0 when the subscription is gone). */
  recordFailure(id: string): Promise<number>;
  deactivate(id: string): Promise<void>;
}

export interface ReceivedStore {
  mark(
    target: DeliveryTarget,
    cardIds: readonly string[],
    subscriptionId: string,
    at: Date,
  ): Promise<void>;
  has(target: DeliveryTarget, cardId: string): Promise<boolean>;
  list(target: DeliveryTarget): Promise<string[]>;
  moveChat(platform: Platform, fromChatId: string, toChatId: string): Promise<number>;
}

/**
 * The delivery outbox. Transitions out of `sending` are fenced by the epoch that claimed the row,
 * so a process that lost its lease can never overwrite the new holder's decisions.
 */
export interface LedgerStore {
  /** Ignores rows whose (subscription, slot, part) already exists; returns how many were new. */
  insert(rows: readonly NewLedgerRow[], now: Date): Promise<number>;
  hasSlot(subscriptionId: string, slot: string): Promise<boolean>;
  hasAny(subscriptionId: string): Promise<boolean>;
  /** A subscription's pending rows, oldest slot first, parts in order (indexed: called per enqueue). */
  pendingFor(subscriptionId: string): Promise<LedgerRow[]>;
  get(id: string): Promise<LedgerRow | undefined>;
  list(filter?: LedgerFilter): Promise<LedgerRow[]>;
  counts(filter?: LedgerFilter): Promise<LedgerCounts>;
  /** Pending rows due by `now` whose earlier parts are settled, oldest due first. */
  due(now: Date, limit: number): Promise<LedgerRow[]>;
  /** The earliest `nextAttemptAt` of pending rows whose earlier parts are settled. */
  nextDueAt(): Promise<string | undefined>;
  /** pending → sending under `epoch`; false if the row is not pending any more. */
  claim(id: string, epoch: number, now: Date): Promise<boolean>;
  /** sending → sent | uncertain | failed, only if still claimed by `epoch`. */
  settle(
    id: string,
    epoch: number,
    status: SettledStatus,
    error: string | null,
    now: Date,
  ): Promise<boolean>;
  /**
   * sending → pending (to retry at `nextAttemptAt`), only if still claimed by `epoch`.
   * `maybeDelivered` records that the last attempt may have arrived (kept from the first time).
   */
  release(id: string, epoch: number, retry: LedgerRetry, now: Date): Promise<boolean>;
  /** Moves a pending row's next attempt later (pacing); no effect on other statuses. */
  defer(id: string, until: Date, now: Date): Promise<boolean>;
  /** Points pending and sending rows of a migrated chat at its new id. */
  retarget(platform: Platform, fromChatId: string, toChatId: string, now: Date): Promise<number>;
  /** pending → failed with `reason` for a subscription (optionally one slot). */
  cancelPending(
    where: { subscriptionId: string; slot?: string },
    reason: string,
    now: Date,
  ): Promise<number>;
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
  acquire(request: LeaseRequest): Promise<LeaseResult>;
  renew(request: LeaseRequest & { epoch: number }): Promise<boolean>;
  release(name: string, holder: string, epoch: number): Promise<void>;
  holds(name: string, holder: string, epoch: number, now: Date): Promise<boolean>;
  get(name: string): Promise<LeaseRecord | undefined>;
}

export interface KvStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Every store of the app. `createMemoryStore()` and `createSqliteStore(db)` return this shape. */
export interface Store {
  readonly kind: "memory" | "sqlite" | "postgres";
  readonly cards: CardStore;
  readonly subscriptions: SubscriptionStore;
  readonly received: ReceivedStore;
  readonly ledger: LedgerStore;
  readonly lease: LeaseStore;
  readonly kv: KvStore;
  /**
   * Runs `fn` atomically with `tx`, a store scoped to the transaction: use only `tx` inside `fn`
   * (the outer store waits until the transaction ends, so calling it there would deadlock; it
   * throws instead). No other task's statement runs while the transaction is open. SQLite: an
   * IMMEDIATE transaction (a savepoint when nested), rolled back on throw. Memory: isolated the
   * same way, but changes made before a throw remain.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
}
