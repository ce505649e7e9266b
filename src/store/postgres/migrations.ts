import type { Pool } from "pg";
import { systemClock, type Clock } from "../../lib/index.js";
import { StoreError } from "../../lib/index.js";
import type { Migration } from "../sqlite/migrations.js";
import { quoteIdent } from "./quote-ident.js";

/**
 * Append only: a released migration is never edited, a change is a new version. Version 1 is the
 * SQLite schema at its version 3 in Postgres types (no cards_legacy: no Postgres database predates
 * item-keyed cards). Keys compared or ordered as text use the "C" collation, as SQLite does.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "cards, subscriptions, received, delivery ledger, lease, kv",
    sql: `
      CREATE TABLE cards (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text COLLATE "C" NOT NULL UNIQUE,
        source_id text COLLATE "C" NOT NULL,
        item_key text COLLATE "C" NOT NULL,
        date text COLLATE "C",
        title text NOT NULL,
        search_text text NOT NULL,
        arrived_at timestamptz NOT NULL,
        json jsonb NOT NULL,
        UNIQUE (source_id, item_key)
      );
      CREATE INDEX cards_newest ON cards (date DESC NULLS LAST, arrived_at DESC, seq DESC);
      CREATE TABLE subscriptions (
        id text COLLATE "C" PRIMARY KEY,
        platform text NOT NULL,
        chat_id text COLLATE "C" NOT NULL,
        thread_id text COLLATE "C",
        cron text NOT NULL,
        timezone text NOT NULL,
        count integer NOT NULL,
        include_json jsonb NOT NULL,
        exclude_json jsonb NOT NULL,
        notify_empty boolean NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        active boolean NOT NULL,
        consecutive_failures integer NOT NULL,
        last_slot timestamptz
      );
      CREATE INDEX subscriptions_chat ON subscriptions (platform, chat_id);
      CREATE TABLE received (
        platform text NOT NULL,
        chat_id text COLLATE "C" NOT NULL,
        thread_id text COLLATE "C" NOT NULL,
        card_id text COLLATE "C" NOT NULL,
        subscription_id text NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (platform, chat_id, thread_id, card_id)
      );
      CREATE TABLE ledger (
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        id text COLLATE "C" PRIMARY KEY,
        subscription_id text COLLATE "C" NOT NULL,
        slot timestamptz NOT NULL,
        part_index integer NOT NULL,
        part_count integer NOT NULL,
        platform text NOT NULL,
        chat_id text COLLATE "C" NOT NULL,
        thread_id text COLLATE "C",
        payload jsonb NOT NULL,
        card_ids jsonb NOT NULL,
        status text NOT NULL
          CHECK (status IN ('pending', 'sending', 'sent', 'uncertain', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        first_attempt_at timestamptz,
        last_attempt_at timestamptz,
        maybe_delivered_at timestamptz,
        claimed_epoch bigint,
        last_error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (subscription_id, slot, part_index)
      );
      CREATE INDEX ledger_due ON ledger (next_attempt_at, id) WHERE status = 'pending';
      CREATE INDEX ledger_open ON ledger (subscription_id, slot, part_index)
        WHERE status IN ('pending', 'sending');
      CREATE INDEX ledger_chat ON ledger (platform, chat_id);
      CREATE TABLE lease (
        name text PRIMARY KEY,
        holder text NOT NULL,
        epoch bigint NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE TABLE kv (
        key text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "sources and chat sources; cards newest by arrival",
    // Cards are listed by arrival now (the article date plays no part): cards_newest is unused.
    // chat_sources.seq: an identity keeps link order without SQLite's MAX(seq) + 1 (which two
    // connections could compute alike).
    sql: `
      CREATE TABLE sources (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text COLLATE "C" NOT NULL UNIQUE,
        url text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('feed', 'page', 'dir')),
        title text,
        added_by_platform text,
        added_by_chat text COLLATE "C",
        state_json jsonb NOT NULL,
        active boolean NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE chat_sources (
        platform text NOT NULL,
        chat_id text COLLATE "C" NOT NULL,
        source_id text COLLATE "C" NOT NULL,
        linked_at timestamptz NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        PRIMARY KEY (platform, chat_id, source_id)
      );
      CREATE INDEX chat_sources_source ON chat_sources (source_id);
      CREATE INDEX cards_source_arrival ON cards (source_id, arrived_at);
      CREATE INDEX cards_arrival ON cards (arrived_at DESC, seq DESC);
      DROP INDEX cards_newest;
    `,
  },
  {
    version: 3,
    name: "processed platform updates",
    sql: `
      CREATE TABLE processed_updates (
        key text COLLATE "C" PRIMARY KEY,
        processed_at timestamptz NOT NULL
      );
      CREATE INDEX processed_updates_age ON processed_updates (processed_at);
    `,
  },
  {
    version: 4,
    name: "source claims and per-host request starts",
    // Several ingest processes: a due source is claimed (FOR UPDATE SKIP LOCKED) until
    // claim_until; host_slots holds each host's next free request start.
    sql: `
      ALTER TABLE sources ADD COLUMN claimed_by text COLLATE "C";
      ALTER TABLE sources ADD COLUMN claim_until timestamptz;
      CREATE TABLE host_slots (
        host text COLLATE "C" PRIMARY KEY,
        next_start_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: "per-chat settings",
    sql: `
      CREATE TABLE chat_settings (
        platform text NOT NULL,
        chat_id text COLLATE "C" NOT NULL,
        timezone text,
        language text,
        quiet_start text,
        quiet_end text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (platform, chat_id)
      );
    `,
  },
  {
    version: 6,
    name: "digest format and sources per subscription",
    // Existing subscriptions keep what they sent before: full cards from every source.
    sql: `
      ALTER TABLE subscriptions
        ADD COLUMN format text NOT NULL DEFAULT 'full'
          CHECK (format IN ('full', 'brief', 'headlines')),
        ADD COLUMN source_ids_json jsonb NOT NULL DEFAULT '[]';
    `,
  },
  {
    version: 7,
    name: "story log per chat",
    sql: `
      CREATE TABLE story_log (
        platform text NOT NULL,
        chat_id text COLLATE "C" NOT NULL,
        thread_id text COLLATE "C" NOT NULL,
        story_key text COLLATE "C" NOT NULL,
        fingerprint text NOT NULL,
        card_ids jsonb NOT NULL,
        subscription_id text NOT NULL,
        slot text NOT NULL,
        position integer NOT NULL,
        row_id text COLLATE "C" NOT NULL,
        message_id text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (platform, chat_id, thread_id, story_key)
      );
      CREATE INDEX story_log_recent ON story_log (platform, chat_id, thread_id, updated_at);
      CREATE INDEX story_log_row ON story_log (platform, chat_id, thread_id, row_id);
    `,
  },
];

/** One lock per schema: processes migrating different schemas of one database do not wait. */
const LOCK_KEY = "hashtext('news-digest-bot:migrate:' || COALESCE($1::text, current_schema()))";

/**
 * Applies every migration not yet recorded, each in its own transaction, under an advisory lock so
 * two processes starting together apply each once. Returns the versions applied now.
 */
export async function applyPostgresMigrations(
  pool: Pool,
  migrations: readonly Migration[] = POSTGRES_MIGRATIONS,
  options: { clock?: Clock; schema?: string } = {},
): Promise<number[]> {
  const clock = options.clock ?? systemClock;
  const client = await pool.connect();
  const key = [options.schema ?? null];
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK_KEY})`, key);
    try {
      // Under the lock: concurrent CREATE SCHEMA IF NOT EXISTS can still collide.
      if (options.schema !== undefined) {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
      }
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`);
      const newest = await client.query<{ v: number | null }>(
        "SELECT MAX(version) AS v FROM schema_migrations",
      );
      const current = newest.rows[0]?.v ?? 0;
      const known = migrations.at(-1)?.version ?? 0;
      if (current > known) {
        throw new StoreError(
          `database schema version ${current} is newer than this build knows (${known}); upgrade the app`,
          { table: "schema_migrations", version: current },
        );
      }
      const applied: number[] = [];
      for (const migration of migrations) {
        if (migration.version <= current) continue;
        try {
          await client.query("BEGIN");
          await client.query(migration.sql);
          await client.query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            [migration.version, migration.name, clock.now()],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw new StoreError(
            `migration ${migration.version} (${migration.name}) failed and was rolled back`,
            { version: migration.version },
            { cause: error },
          );
        }
        applied.push(migration.version);
      }
      return applied;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`, key).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
