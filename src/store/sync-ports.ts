import type {
  CardStore,
  KvStore,
  LeaseStore,
  LedgerStore,
  ReceivedStore,
  SourceStore,
  StoryLogStore,
  SubscriptionStore,
} from "./ports.js";

/** The synchronous twin of an async port: what an embedded engine (Maps, better-sqlite3) implements. */
export type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/** Every port of an embedded store, synchronous; `createGuardedStore` turns it into a `Store`. */
export interface SyncParts {
  cards: Sync<CardStore>;
  subscriptions: Sync<SubscriptionStore>;
  received: Sync<ReceivedStore>;
  ledger: Sync<LedgerStore>;
  lease: Sync<LeaseStore>;
  kv: Sync<KvStore>;
  sources: Sync<SourceStore>;
  storyLog: Sync<StoryLogStore>;
}

/** How an embedded engine opens, ends and nests a transaction. */
export interface TransactionDriver {
  begin(): void;
  commit(): void;
  rollback(): void;
  savepoint(name: string): void;
  releaseSavepoint(name: string): void;
  rollbackToSavepoint(name: string): void;
}

export type SyncCardStore = Sync<CardStore>;
export type SyncSubscriptionStore = Sync<SubscriptionStore>;
export type SyncReceivedStore = Sync<ReceivedStore>;
export type SyncLedgerStore = Sync<LedgerStore>;
export type SyncLeaseStore = Sync<LeaseStore>;
export type SyncKvStore = Sync<KvStore>;
export type SyncSourceStore = Sync<SourceStore>;
export type SyncStoryLogStore = Sync<StoryLogStore>;
