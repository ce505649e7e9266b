import type { FactCard } from "../model/index.js";
import type {
  DeliveryTarget,
  DigestFormat,
  NewSubscription,
  Platform,
  Subscription,
} from "../model/index.js";
import type { NewSource, SourceRow, SourceState } from "../model/index.js";
import type { ChatSettings, SettingsPatch } from "../model/index.js";
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

/** One target's page of `CardStore.unreceived`, for the batched read. */
export interface UnreceivedQuery {
  target: DeliveryTarget;
  arrivedSince?: string;
  sourceIds?: readonly string[];
  limit: number;
  offset: number;
}

/** A subscription's slot, as the batched ledger read asks about it. */
export interface SlotKey {
  subscriptionId: string;
  slot: string;
}

/** What queuing a slot needs to know of the ledger: taken already, first digest, waiting rows. */
export interface SlotState {
  hasSlot: boolean;
  hasAny: boolean;
  /** The subscription's pending rows, as `pendingFor` returns them. */
  pending: LedgerRow[];
}

export interface ReceivedMark {
  target: DeliveryTarget;
  cardIds: readonly string[];
  subscriptionId: string;
}

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
  /**
   * `unreceived` for many targets at once (one round trip on a server database); the answer
   * holds one page per query, in the queries' order.
   */
  unreceivedMany(queries: readonly UnreceivedQuery[]): Promise<FactCard[][]>;
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
  /** `forChat` for many chats at once; one list per chat, in the chats' order. */
  forChats(chats: readonly ChatRef[]): Promise<SourceRow[][]>;
  /** The chats linked to a source. */
  chatsOf(sourceId: string): Promise<ChatRef[]>;
  /**
   * Claims up to `limit` active feeds and pages (never folders) that are due by `now` and not
   * claimed by another holder (or whose claim expired), soonest due first, for `holder` until
   * `now + leaseMs`; a claimed source is not handed out again until released or expired, so
   * several processes never poll one source at once. Postgres: `FOR UPDATE SKIP LOCKED`.
   */
  claimDue(request: SourceClaimRequest): Promise<SourceRow[]>;
  /** Ends `holder`'s claim (after the poll saved its state); false when it was not held by it. */
  releaseClaim(id: string, holder: string): Promise<boolean>;
  /**
   * Politeness shared by every process: reserves the next request start on `host`, the later of
   * `now` and the host's next free instant, and moves that instant `intervalMs` past the reserved
   * start, in one atomic step. The caller waits until the returned instant before it starts.
   */
  reserveHostStart(host: string, now: Date, intervalMs: number): Promise<Date>;
}

export interface SourceClaimRequest {
  holder: string;
  now: Date;
  limit: number;
  leaseMs: number;
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
  /** `get` for many ids at once; one entry per id, in the ids' order. */
  getMany(ids: readonly string[]): Promise<Array<Subscription | undefined>>;
  list(): Promise<Subscription[]>;
  listByChat(where: ChatRef): Promise<Subscription[]>;
  remove(id: string): Promise<Subscription | undefined>;
  /** Changes how the digest shows its cards; returns the updated subscription, undefined when gone. */
  setFormat(id: string, format: DigestFormat): Promise<Subscription | undefined>;
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
  /** `mark` for many digests at once. */
  markMany(marks: readonly ReceivedMark[], at: Date): Promise<void>;
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
  /** Like `insert`, but says which rows were new: their ids, in the rows' order. */
  insertNew(rows: readonly NewLedgerRow[], now: Date): Promise<string[]>;
  hasSlot(subscriptionId: string, slot: string): Promise<boolean>;
  /** `hasSlot`, `hasAny` and `pendingFor` for many slots at once; one state per key, in order. */
  slotStates(keys: readonly SlotKey[]): Promise<SlotState[]>;
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

/**
 * Platform updates handled once across processes (a Telegram `update_id` that a load balancer may
 * hand to any process, or that Telegram redelivers after a slow answer).
 */
export interface ProcessedUpdateStore {
  /** Records `key` as handled; false when it was recorded before (by any process): skip it. */
  claim(key: string, at: Date): Promise<boolean>;
  /** Forgets keys recorded before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

/** Per-chat preferences (time zone, language, quiet hours); a chat without a row has defaults. */
export interface SettingsStore {
  get(chat: ChatRef): Promise<ChatSettings | undefined>;
  /** Applies `patch` over the stored row (or the defaults) and returns the result. */
  update(chat: ChatRef, patch: SettingsPatch, now: Date): Promise<ChatSettings>;
  /** Telegram group → supergroup migration: the settings follow the chat. */
  moveChat(platform: Platform, fromChatId: string, toChatId: string): Promise<number>;
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
  readonly updates: ProcessedUpdateStore;
  readonly settings: SettingsStore;
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
