import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Database as Db } from "better-sqlite3";
import type { Clock } from "../../lib/index.js";
import { StoreError } from "../../lib/index.js";
import { applyMigrations, MIGRATIONS, type Migration } from "./migrations.js";

export interface OpenDatabaseOptions {
  /** How long a writer waits for another process's transaction before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
  clock?: Clock;
}

const DEFAULTS = { busyTimeoutMs: 5_000 } as const;

/**
 * Opens (creating the folder) and migrates the database. WAL lets readers run beside the writer;
 * synchronous=FULL makes every commit durable, so a kill -9 loses nothing acknowledged.
 * The caller owns the handle and closes it.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  const inMemory = path === ":memory:" || path === "";
  let db: Db;
  try {
    if (!inMemory) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (error) {
    throw new StoreError(`cannot open database at ${path}`, { path }, { cause: error });
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULTS.busyTimeoutMs}`);
    if (!inMemory) db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    applyMigrations(db, options.migrations ?? MIGRATIONS, options.clock);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot prepare database at ${path}`, { path }, { cause: error });
  }
}
