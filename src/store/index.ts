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
  ReceivedMark,
  ProcessedUpdateStore,
  ReceivedStore,
  SlotKey,
  SlotState,
  UnreceivedQuery,
  ScheduleStore,
  SourceClaimRequest,
  SettingsStore,
  SourceStore,
  Store,
  NewStoryLogEntry,
  StoryLogEntry,
  StoryLogStore,
  SubscriptionStore,
  UpsertResult,
} from "./ports.js";
export {
  LEDGER_STATUSES,
  LedgerRow,
  LedgerStatus,
  emptyCounts,
  type LedgerCounts,
  type LedgerFilter,
  type NewLedgerRow,
  type SettledStatus,
} from "../model/index.js";
export { createMemoryStore, type MemoryStoreOptions } from "./memory/memory-store.js";
export { createSqliteStore, type SqliteStoreOptions } from "./sqlite/sqlite-store.js";
export { openDatabase, type OpenDatabaseOptions } from "./sqlite/open-database.js";
export { applyMigrations, MIGRATIONS, type Migration } from "./sqlite/migrations.js";
export { cardSearchText, cardTokens } from "./card-text.js";
export {
  compareRelevance,
  countHits,
  parseTerms,
  relevance,
  termsOf,
  tokenize,
  type Relevance,
  type Term,
} from "./match-terms.js";
export { createSubscriptionId, SUBSCRIPTION_ID_LENGTH } from "./subscription-id.js";
export { createMemoryChangeFeed, type ChangeFeed, type ChangeTopic } from "./change-feed.js";
export {
  createPostgresPool,
  createPostgresStore,
  type PostgresStore,
  type PostgresStoreOptions,
} from "./postgres/postgres-store.js";
export {
  channelFor,
  createPostgresChangeFeed,
  type PostgresChangeFeed,
  type PostgresChangeFeedOptions,
} from "./postgres/postgres-change-feed.js";
export { openPostgresStore, type OpenPostgresOptions } from "./postgres/open-postgres-store.js";
export { applyPostgresMigrations, POSTGRES_MIGRATIONS } from "./postgres/migrations.js";
export {
  openStore,
  parseDatabaseUrl,
  type DatabaseLocation,
  type OpenedStore,
} from "./open-store.js";
