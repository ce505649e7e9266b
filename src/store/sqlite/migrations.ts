import type { Database } from "better-sqlite3";
import { systemClock, type Clock } from "../../lib/index.js";
import { StoreError } from "../../lib/index.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration is never edited, a change is a new version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "cards, subscriptions, received",
    sql: `
      CREATE TABLE cards (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL UNIQUE,
        date TEXT,
        title TEXT NOT NULL,
        search_text TEXT NOT NULL,
        arrived_at TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX cards_newest ON cards (date, arrived_at, seq);
      CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        thread_id TEXT,
        cron TEXT NOT NULL,
        timezone TEXT NOT NULL,
        count INTEGER NOT NULL,
        include_json TEXT NOT NULL,
        exclude_json TEXT NOT NULL,
        notify_empty INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        active INTEGER NOT NULL,
        consecutive_failures INTEGER NOT NULL,
        last_slot TEXT
      );
      CREATE INDEX subscriptions_chat ON subscriptions (platform, chat_id);
      CREATE TABLE received (
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        subscription_id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (platform, chat_id, thread_id, card_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: "delivery ledger, lease, kv",
    sql: `
      CREATE TABLE ledger (
        id TEXT PRIMARY KEY,
        subscription_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        part_index INTEGER NOT NULL,
        part_count INTEGER NOT NULL,
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        thread_id TEXT,
        payload TEXT NOT NULL,
        card_ids TEXT NOT NULL,
        status TEXT NOT NULL
          CHECK (status IN ('pending', 'sending', 'sent', 'uncertain', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        first_attempt_at TEXT,
        last_attempt_at TEXT,
        maybe_delivered_at TEXT,
        claimed_epoch INTEGER,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (subscription_id, slot, part_index)
      );
      CREATE INDEX ledger_due ON ledger (next_attempt_at, id) WHERE status = 'pending';
      CREATE INDEX ledger_chat ON ledger (platform, chat_id);
      CREATE TABLE lease (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        epoch INTEGER NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: "cards keyed by source and item",
    // Cards are derived data: the next scan rebuilds them. cards_legacy lets a rebuilt card keep
    // the arrival and the receipts of the card it replaces, so an upgrade sends nothing twice.
    sql: `
      CREATE TABLE cards_legacy AS SELECT source, id AS old_id, arrived_at FROM cards;
      CREATE INDEX cards_legacy_source ON cards_legacy (source);
      DROP TABLE cards;
      CREATE TABLE cards (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        source_id TEXT NOT NULL,
        item_key TEXT NOT NULL,
        date TEXT,
        title TEXT NOT NULL,
        search_text TEXT NOT NULL,
        arrived_at TEXT NOT NULL,
        json TEXT NOT NULL,
        UNIQUE (source_id, item_key)
      );
      CREATE INDEX cards_newest ON cards (date, arrived_at, seq);
    `,
  },
  {
    version: 4,
    name: "sources and chat sources",
    sql: `
      CREATE TABLE sources (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('feed', 'page', 'dir')),
        title TEXT,
        added_by_platform TEXT,
        added_by_chat TEXT,
        state_json TEXT NOT NULL,
        active INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE chat_sources (
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        source_id TEXT NOT NULL,
        linked_at TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (platform, chat_id, source_id)
      ) WITHOUT ROWID;
      CREATE INDEX chat_sources_source ON chat_sources (source_id);
      CREATE INDEX cards_source_arrival ON cards (source_id, arrived_at);
    `,
  },
  {
    version: 5,
    name: "processed platform updates",
    sql: `
      CREATE TABLE processed_updates (
        key TEXT PRIMARY KEY,
        processed_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX processed_updates_age ON processed_updates (processed_at);
    `,
  },
  {
    version: 6,
    name: "source claims and per-host request starts",
    // Several ingest processes: a due source is claimed until claim_until (ISO); host_slots
    // holds each host's next free request start in epoch ms.
    sql: `
      ALTER TABLE sources ADD COLUMN claimed_by TEXT;
      ALTER TABLE sources ADD COLUMN claim_until TEXT;
      CREATE TABLE host_slots (
        host TEXT PRIMARY KEY,
        next_start_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    name: "per-chat settings",
    sql: `
      CREATE TABLE chat_settings (
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        timezone TEXT,
        language TEXT,
        quiet_start TEXT,
        quiet_end TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, chat_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 8,
    name: "digest format and sources per subscription",
    // Existing subscriptions keep what they sent before: full cards from every source.
    sql: `
      ALTER TABLE subscriptions ADD COLUMN format TEXT NOT NULL DEFAULT 'full'
        CHECK (format IN ('full', 'brief', 'headlines'));
      ALTER TABLE subscriptions ADD COLUMN source_ids_json TEXT NOT NULL DEFAULT '[]';
    `,
  },
  {
    version: 9,
    name: "story log per chat",
    sql: `
      CREATE TABLE story_log (
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        story_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        card_ids TEXT NOT NULL,
        subscription_id TEXT NOT NULL,
        slot TEXT NOT NULL,
        position INTEGER NOT NULL,
        row_id TEXT NOT NULL,
        message_id TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, chat_id, thread_id, story_key)
      ) WITHOUT ROWID;
      CREATE INDEX story_log_recent ON story_log (platform, chat_id, thread_id, updated_at);
      CREATE INDEX story_log_row ON story_log (platform, chat_id, thread_id, row_id);
    `,
  },
];

/**
 * Applies every migration not yet recorded, each once and in its own IMMEDIATE transaction (so two
 * processes starting together cannot both apply one). Returns the versions applied now.
 */
export function applyMigrations(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  clock: Clock = systemClock,
): number[] {
  assertOrdered(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const newest = db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as {
    v: number | null;
  };
  const known = migrations.at(-1)?.version ?? 0;
  if ((newest.v ?? 0) > known) {
    throw new StoreError(
      `database schema version ${newest.v} is newer than this build knows (${known}); upgrade the app`,
      { table: "schema_migrations", version: newest.v },
    );
  }
  const isApplied = db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
  const record = db.prepare(
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      if (isApplied.get(migration.version) !== undefined) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, clock.now().toISOString());
      applied.push(migration.version);
    });
    try {
      apply.immediate();
    } catch (error) {
      throw new StoreError(
        `migration ${migration.version} (${migration.name}) failed and was rolled back`,
        { version: migration.version },
        { cause: error },
      );
    }
  }
  return applied;
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous !== undefined && m.version <= previous.version) {
      throw new StoreError(
        `migration versions must increase: ${previous.version} then ${m.version}`,
      );
    }
  });
}
