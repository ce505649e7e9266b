export type {
  CardStore,
  ChatRef,
  KvStore,
  LeaseRecord,
  LeaseRequest,
  LeaseResult,
  LeaseStore,
  LedgerRetry,
  LedgerStore,
  ReceivedStore,
  ScheduleStore,
  Store,
  SubscriptionStore,
  UpsertResult,
} from "./store.js";
export {
  LEDGER_STATUSES,
  LedgerRow,
  LedgerStatus,
  emptyCounts,
  type LedgerCounts,
  type LedgerFilter,
  type NewLedgerRow,
  type SettledStatus,
} from "../model/ledger-row.js";
export { createMemoryStore, type MemoryStoreOptions } from "./memory-store.js";
export { createSqliteStore, type SqliteStoreOptions } from "./sqlite-store.js";
export { openDatabase, type OpenDatabaseOptions } from "./open-database.js";
export { applyMigrations, MIGRATIONS, type Migration } from "./migrations.js";
export { cardSearchText, queryWords } from "./card-text.js";
export { createSubscriptionId, SUBSCRIPTION_ID_LENGTH } from "./subscription-id.js";
