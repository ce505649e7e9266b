import type { Database } from "better-sqlite3";
import { createSqliteCardStore } from "./sqlite-card-store.js";
import { createSqliteKvStore } from "./sqlite-kv-store.js";
import { createSqliteLeaseStore } from "./sqlite-lease-store.js";
import { createSqliteLedgerStore } from "./sqlite-ledger-store.js";
import { createSqliteReceivedStore } from "./sqlite-received-store.js";
import { createSqliteSettingsStore } from "./sqlite-settings-store.js";
import { createSqliteSourceStore } from "./sqlite-source-store.js";
import { createSqliteStoryLogStore } from "./sqlite-story-log-store.js";
import { createSqliteSubscriptionStore } from "./sqlite-subscription-store.js";
import { createSqliteUpdateStore } from "./sqlite-update-store.js";
import type { RandomIndex } from "../subscription-id.js";
import { createGuardedStore } from "../guarded-store.js";
import { loopBatches } from "../loop-batches.js";
import type { Store } from "../ports.js";

export interface SqliteStoreOptions {
  random?: RandomIndex;
}

/**
 * All stores over one migrated database (see `openDatabase`). The store does not own `db`: whoever
 * opened it closes it.
 */
export function createSqliteStore(db: Database, options: SqliteStoreOptions = {}): Store {
  const parts = {
    cards: createSqliteCardStore(db),
    subscriptions: createSqliteSubscriptionStore(db, options.random),
    received: createSqliteReceivedStore(db),
    ledger: createSqliteLedgerStore(db),
    lease: createSqliteLeaseStore(db),
    kv: createSqliteKvStore(db),
    sources: createSqliteSourceStore(db),
    updates: createSqliteUpdateStore(db),
    settings: createSqliteSettingsStore(db),
    storyLog: createSqliteStoryLogStore(db),
  };
  return createGuardedStore("sqlite", loopBatches(parts), {
    // IMMEDIATE takes the write lock up front: a deferred read-then-write could fail with BUSY.
    begin: () => db.exec("BEGIN IMMEDIATE"),
    commit: () => db.exec("COMMIT"),
    rollback: () => {
      // A failed COMMIT or a constraint error may have ended the transaction already.
      if (db.inTransaction) db.exec("ROLLBACK");
    },
    savepoint: (name) => db.exec(`SAVEPOINT ${name}`),
    releaseSavepoint: (name) => db.exec(`RELEASE ${name}`),
    rollbackToSavepoint: (name) => db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`),
  });
}
