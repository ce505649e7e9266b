import type { Clock, Logger } from "../lib/index.js";
import { createMemoryChangeFeed, type ChangeFeed } from "./change-feed.js";
import type { Store } from "./ports.js";
import { createPostgresChangeFeed } from "./postgres/postgres-change-feed.js";
import { openPostgresStore } from "./postgres/open-postgres-store.js";
import { openDatabase } from "./sqlite/open-database.js";
import { createSqliteStore } from "./sqlite/sqlite-store.js";

export interface OpenedStore {
  store: Store;
  /** Changes made by this process, and on Postgres by every process on the same database. */
  changes: ChangeFeed;
  /** Closes the database (SQLite file or the Postgres pool). */
  close(): Promise<void>;
}

export type DatabaseLocation =
  { kind: "postgres"; connectionString: string } | { kind: "sqlite"; path: string };

/** `postgres://` or `postgresql://` is Postgres; `sqlite:PATH`, `sqlite://PATH` or a bare path is SQLite. */
export function parseDatabaseUrl(databaseUrl: string): DatabaseLocation {
  const url = databaseUrl.trim();
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: "postgres", connectionString: url };
  const sqlite = /^sqlite:(\/\/)?(.*)$/i.exec(url);
  return { kind: "sqlite", path: sqlite === null ? url : sqlite[2]! };
}

/** Opens and migrates the store a DATABASE_URL names; the caller closes it. */
export async function openStore(options: {
  databaseUrl: string;
  clock?: Clock;
  /** Told when a new SQLite file is created (so a lost database is never replaced silently). */
  logger?: Pick<Logger, "warn" | "info">;
}): Promise<OpenedStore> {
  const location = parseDatabaseUrl(options.databaseUrl);
  if (location.kind === "postgres") {
    const store = await openPostgresStore({
      connectionString: location.connectionString,
      clock: options.clock,
    });
    const changes = createPostgresChangeFeed({
      connectionString: location.connectionString,
      notify: (channel, payload) =>
        store.pool.query("SELECT pg_notify($1, $2)", [channel, payload]),
      logger: options.logger ?? { warn: () => undefined, info: () => undefined },
    });
    try {
      await changes.start();
    } catch (error) {
      await store.close();
      throw error;
    }
    return {
      store,
      changes,
      close: async () => {
        await changes.close();
        await store.close();
      },
    };
  }
  const db = openDatabase(location.path, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    store: createSqliteStore(db),
    // One process per SQLite file: an in-process feed sees every change.
    changes: createMemoryChangeFeed(),
    close: async () => {
      db.close();
    },
  };
}
