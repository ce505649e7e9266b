import type { Clock, Logger } from "../lib/index.js";
import type { Store } from "./ports.js";
import { openPostgresStore } from "./postgres/open-postgres-store.js";
import { openDatabase } from "./sqlite/open-database.js";
import { createSqliteStore } from "./sqlite/sqlite-store.js";

export interface OpenedStore {
  store: Store;
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
  logger?: Pick<Logger, "warn">;
}): Promise<OpenedStore> {
  const location = parseDatabaseUrl(options.databaseUrl);
  if (location.kind === "postgres") {
    const store = await openPostgresStore({
      connectionString: location.connectionString,
      clock: options.clock,
    });
    return { store, close: () => store.close() };
  }
  const db = openDatabase(location.path, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    store: createSqliteStore(db),
    close: async () => {
      db.close();
    },
  };
}
