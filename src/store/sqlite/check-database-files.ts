import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import type { Database } from "better-sqlite3";
import { StoreError } from "../../lib/index.js";
import { explainDatabaseFailure } from "./explain-database-failure.js";

const WAL_HEADER_BYTES = 32;
// The two magic numbers a WAL header starts with (big-endian), per the SQLite file format.
const WAL_MAGIC = new Set([0x377f0682, 0x377f0683]);

/**
 * Checks the files before SQLite sees them: SQLite silently ignores a write-ahead log with a bad
 * header (losing the commits in it), and replays a stray log into a new empty file.
 */
export function checkDatabaseFiles(path: string, exists: boolean): void {
  const wal = `${path}-wal`;
  if (!existsSync(wal)) return;
  if (!exists) {
    throw new StoreError(
      `database file ${path} is missing but its write-ahead log ${wal} exists; restore the database file or move the log away`,
      { path },
    );
  }
  if (statSync(wal).size < WAL_HEADER_BYTES) return;
  const header = Buffer.alloc(4);
  const fd = openSync(wal, "r");
  try {
    readSync(fd, header, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (!WAL_MAGIC.has(header.readUInt32BE(0))) {
    throw new StoreError(
      `database at ${path} is damaged: its write-ahead log ${wal} has no valid header; restore a backup`,
      { path },
    );
  }
}

/** `PRAGMA quick_check`: O(size), catches damaged pages and indexes before anything trusts them. */
export function checkIntegrity(db: Database, path: string): void {
  let problems: string[];
  try {
    const rows = db.pragma("quick_check(5)") as Array<{ quick_check: string }>;
    problems = rows.map((r) => r.quick_check);
  } catch (error) {
    problems = [explainDatabaseFailure(error)];
  }
  if (problems.length === 1 && problems[0] === "ok") return;
  throw new StoreError(
    `database at ${path} is damaged (quick_check: ${problems.join("; ")}); restore a backup or move it away`,
    { path },
  );
}
