import type {
  CardStore,
  KvStore,
  LeaseStore,
  LedgerStore,
  ProcessedUpdateStore,
  ReceivedStore,
  SettingsStore,
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
  updates: Sync<ProcessedUpdateStore>;
  settings: Sync<SettingsStore>;
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

/**
 * What an embedded engine implements: the batched reads and writes (one round trip on a server)
 * are loops over the single ones there (`loopBatches`), since a call costs no round trip.
 */
export type SyncCardStore = Omit<Sync<CardStore>, "unreceivedMany">;
export type SyncSubscriptionStore = Omit<Sync<SubscriptionStore>, "getMany">;
export type SyncReceivedStore = Omit<Sync<ReceivedStore>, "markMany">;
export type SyncLedgerStore = Omit<Sync<LedgerStore>, "insertNew" | "slotStates">;
export type SyncLeaseStore = Sync<LeaseStore>;
export type SyncKvStore = Sync<KvStore>;
export type SyncSourceStore = Omit<Sync<SourceStore>, "forChats">;
export type SyncProcessedUpdateStore = Sync<ProcessedUpdateStore>;
export type SyncSettingsStore = Sync<SettingsStore>;
export type SyncStoryLogStore = Sync<StoryLogStore>;

/** The parts an embedded engine builds, before `loopBatches` adds the batched methods. */
export interface EmbeddedParts {
  cards: SyncCardStore;
  subscriptions: SyncSubscriptionStore;
  received: SyncReceivedStore;
  ledger: SyncLedgerStore;
  lease: SyncLeaseStore;
  kv: SyncKvStore;
  sources: SyncSourceStore;
  updates: SyncProcessedUpdateStore;
  settings: SyncSettingsStore;
  storyLog: SyncStoryLogStore;
}
