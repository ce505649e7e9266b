import { createMemoryCardStore } from "./memory-card-store.js";
import { createMemoryKvStore } from "./memory-kv-store.js";
import { createMemoryLeaseStore } from "./memory-lease-store.js";
import { createMemoryLedgerStore } from "./memory-ledger-store.js";
import { createMemoryReceivedStore } from "./memory-received-store.js";
import { createMemorySettingsStore } from "./memory-settings-store.js";
import { createMemorySourceStore } from "./memory-source-store.js";
import { createMemoryStoryLogStore } from "./memory-story-log-store.js";
import { createMemorySubscriptionStore } from "./memory-subscription-store.js";
import { createMemoryUpdateStore } from "./memory-update-store.js";
import type { RandomIndex } from "../subscription-id.js";
import { createGuardedStore } from "../guarded-store.js";
import { loopBatches } from "../loop-batches.js";
import type { Store } from "../ports.js";

export interface MemoryStoreOptions {
  /** Deterministic subscription ids in tests. */
  random?: RandomIndex;
}

/** Everything in Maps: for unit tests and runs without a database. Not shared across processes. */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const received = createMemoryReceivedStore();
  const parts = {
    cards: createMemoryCardStore(received),
    subscriptions: createMemorySubscriptionStore(options.random),
    received,
    ledger: createMemoryLedgerStore(),
    lease: createMemoryLeaseStore(),
    kv: createMemoryKvStore(),
    sources: createMemorySourceStore(),
    updates: createMemoryUpdateStore(),
    settings: createMemorySettingsStore(),
    storyLog: createMemoryStoryLogStore(),
  };
  const none = () => {};
  // Isolated like SQLite (the guard), but without rollback: Maps have no undo log.
  return createGuardedStore("memory", loopBatches(parts), {
    begin: none,
    commit: none,
    rollback: none,
    savepoint: none,
    releaseSavepoint: none,
    rollbackToSavepoint: none,
  });
}
