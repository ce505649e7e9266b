import type { Database } from "better-sqlite3";
import { createSqliteCardStore } from "./sqlite-card-store.js";
import { createSqliteKvStore } from "./sqlite-kv-store.js";
import { createSqliteLeaseStore } from "./sqlite-lease-store.js";
import { createSqliteLedgerStore } from "./sqlite-ledger-store.js";
import { createSqliteReceivedStore } from "./sqlite-received-store.js";
import { createSqliteSubscriptionStore } from "./sqlite-subscription-store.js";
import type { RandomIndex } from "./subscription-id.js";
import type { Store } from "./store.js";

export interface SqliteStoreOptions {
  random?: RandomIndex;
}

/**
 * All stores over one migrated database (see `openDatabase`). The store does not own `db`: whoever
 * opened it closes it.
 */
export function createSqliteStore(db: Database, options: SqliteStoreOptions = {}): Store {
  return {
    kind: "sqlite",
    cards: createSqliteCardStore(db),
    subscriptions: createSqliteSubscriptionStore(db, options.random),
    received: createSqliteReceivedStore(db),
    ledger: createSqliteLedgerStore(db),
    lease: createSqliteLeaseStore(db),
    kv: createSqliteKvStore(db),
    // IMMEDIATE takes the write lock up front: a deferred read-then-write could fail with BUSY.
    transaction: (fn) => (db.inTransaction ? db.transaction(fn)() : db.transaction(fn).immediate()),
  };
}
