import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Database as Db } from "better-sqlite3";
import type { Clock } from "../../lib/index.js";
import { StoreError } from "../../lib/index.js";
import type { Logger } from "../../lib/index.js";
import { checkDatabaseFiles, checkIntegrity } from "./check-database-files.js";
import { explainDatabaseFailure } from "./explain-database-failure.js";
import { applyMigrations, MIGRATIONS, type Migration } from "./migrations.js";

export interface OpenDatabaseOptions {
  /** How long a writer waits for another process's transaction before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
  clock?: Clock;
  /** Told loudly when a new database file is created (a missing file may mean lost data). */
  logger?: Pick<Logger, "warn">;
}

const DEFAULTS = { busyTimeoutMs: 5_000 } as const;

/**
 * Opens (creating the folder), checks and migrates the database. An existing file must pass
 * `quick_check`; a new one is announced as a warning. WAL lets readers run beside the writer;
 * synchronous=FULL makes every commit durable, so a kill -9 loses nothing acknowledged.
 * The caller owns the handle and closes it.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  const inMemory = path === ":memory:" || path === "";
  const exists = inMemory || existsSync(path);
  let db: Db;
  try {
    if (!inMemory) checkDatabaseFiles(path, exists);
    if (!inMemory) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const why = explainDatabaseFailure(error);
    throw new StoreError(`cannot open database at ${path}: ${why}`, { path }, { cause: error });
  }
  if (!exists) options.logger?.warn({ path }, `creating a new database at ${path}`);
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULTS.busyTimeoutMs}`);
    if (!inMemory) db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    if (exists && !inMemory) checkIntegrity(db, path);
    applyMigrations(db, options.migrations ?? MIGRATIONS, options.clock);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    const why = explainDatabaseFailure(error);
    throw new StoreError(`cannot prepare database at ${path}: ${why}`, { path }, { cause: error });
  }
}
