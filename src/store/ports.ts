import type { FactCard } from "../model/index.js";
import type { DeliveryTarget, NewSubscription, Platform, Subscription } from "../model/index.js";
import type { NewSource, SourceRow, SourceState } from "../model/index.js";
import type {
  LedgerCounts,
  LedgerFilter,
  LedgerRow,
  NewLedgerRow,
  SettledStatus,
} from "../model/index.js";

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
    options: {
      arrivedSince?: string;
      sourceIds?: readonly string[];
      limit: number;
      offset: number;
    },
  ): Promise<FactCard[]>;
  /** Retention for sources whose items scroll away: drops the source's cards arrived before `olderThan`. */
  retainCards(sourceId: string, olderThan: Date): Promise<number>;
}

/**
 * Sources (feeds, pages, folders) and which chats read which. A chat without links of its own
 * reads the operator's sources (`addedBy: null`); that rule is the caller's, this port only stores.
 */
export interface SourceStore {
  /** Adds the source unless its id exists; returns the stored row and whether it is new. */
  add(source: NewSource, now: Date): Promise<{ source: SourceRow; created: boolean }>;
  get(id: string): Promise<SourceRow | undefined>;
  /** Every source, oldest first. */
  list(): Promise<SourceRow[]>;
  /** Replaces the poll state (and the title when given); false when the source is gone. */
  saveState(id: string, state: SourceState, title?: string | null): Promise<boolean>;
  setActive(id: string, active: boolean): Promise<boolean>;
  /** Removes the source and every chat's link to it. */
  remove(id: string): Promise<boolean>;
  /** Links a chat to a source; false when it was linked already. */
  link(chat: ChatRef, sourceId: string, now: Date): Promise<boolean>;
  unlink(chat: ChatRef, sourceId: string): Promise<boolean>;
  /** The chat's own sources, in the order they were linked. */
  forChat(chat: ChatRef): Promise<SourceRow[]>;
  /** The chats linked to a source. */
  chatsOf(sourceId: string): Promise<ChatRef[]>;
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
  /** Pending rows due by `now` whose earlier parts are settled, oldest due first; one platform's when given. */
  due(now: Date, limit: number, platform?: Platform): Promise<LedgerRow[]>;
  /** The earliest `nextAttemptAt` of pending rows whose earlier parts are settled. */
  nextDueAt(platform?: Platform): Promise<string | undefined>;
  /** pending → sending under `epoch`; false if the row is not pending any more. */
  claim(id: string, epoch: number, now: Date): Promise<boolean>;
  /** sending → sent | uncertain | failed, only if still claimed by `epoch`; the payload is dropped (`{}`). */
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
  /**
   * Deletes settled rows last updated before `before`, never a row of a slot that still has a
   * pending or sending part; returns how many. Receipts (`received`) are not touched.
   */
  prune(before: Date): Promise<number>;
  /** pending → failed with `reason` for a subscription (optionally one slot); payloads dropped. */
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

/** What one chat was shown of one story: its stable key, its key facts then, where it went. */
export interface StoryLogEntry {
  /** Stable for the chat: the key the story was first sent under. */
  storyKey: string;
  /** The story's key facts when last shown; a change makes it "updated". */
  fingerprint: string;
  /** Member cards the chat has had (shown or joined silently). */
  cardIds: string[];
  /** The digest that last showed it, and its place in that digest. */
  subscriptionId: string;
  slot: string;
  position: number;
  /** The ledger row (message part) that carried it. */
  rowId: string;
  /** The platform message id once that part was sent; null before (or when unknown). */
  messageId: string | null;
  updatedAt: string;
}

export type NewStoryLogEntry = Omit<StoryLogEntry, "updatedAt">;

/** Per chat: which stories it was sent, so a joining report is not resent and a changed one edits. */
export interface StoryLogStore {
  /** Adds or replaces the target's entries by story key. */
  record(target: DeliveryTarget, entries: readonly NewStoryLogEntry[], now: Date): Promise<void>;
  /** The target's entries, most recently updated first (then by story key), at most `limit`. */
  recent(target: DeliveryTarget, limit: number): Promise<StoryLogEntry[]>;
  /** Sets the message id on the target's entries the ledger row carried; returns how many. */
  attachMessage(target: DeliveryTarget, rowId: string, messageId: string): Promise<number>;
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
  readonly sources: SourceStore;
  readonly storyLog: StoryLogStore;
  /**
   * Runs `fn` atomically with `tx`, a store scoped to the transaction: use only `tx` inside `fn`
   * (the outer store waits until the transaction ends, so calling it there would deadlock; it
   * throws instead). SQLite: an IMMEDIATE transaction (a savepoint when nested), rolled back on
   * throw; no other task's statement runs while it is open. Memory: isolated the same way, but
   * changes made before a throw remain. Postgres: BEGIN on a connection of its own (a savepoint
   * when nested); other tasks' statements run beside it on other connections, isolated from it.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
}
