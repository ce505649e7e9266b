import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  writeSync,
  writeFileSync,
  unlinkSync,
} from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/lib/errors.js";
import { createLogger } from "../../src/lib/logger.js";
import { openDatabase } from "../../src/store/index.js";
import { explainDatabaseFailure } from "../../src/store/sqlite/explain-database-failure.js";
import { tempDatabase } from "./store-kit.js";

function capturingLogger() {
  const lines: Array<{ level: number; msg: string; path?: string }> = [];
  const logger = createLogger({
    level: "debug",
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

function failure(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error("expected openDatabase to refuse");
}

/** Overwrites `length` bytes at `offset` with random ones. */
function scribble(path: string, offset: number, length: number): void {
  const fd = openSync(path, "r+");
  writeSync(fd, randomBytes(length), 0, length, offset);
  closeSync(fd);
}

function fillKv(db: Database.Database, rows: number): void {
  const put = db.prepare("INSERT INTO kv (key, value) VALUES (?, ?)");
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) put.run(`key-${i}`, "x".repeat(200));
  })();
}

describe("openDatabase and damaged or missing files", () => {
  const temp = tempDatabase();
  afterEach(() => temp.cleanup());

  it("warns loudly when it creates a new database, and not when it opens an existing one", () => {
    const { logger, lines } = capturingLogger();
    openDatabase(temp.path, { logger }).close();
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: `creating a new database at ${temp.path}` }),
    ]);
    openDatabase(temp.path, { logger }).close();
    expect(lines).toHaveLength(1);
  });

  it("refuses a file overwritten with random bytes, saying it is not a database", () => {
    mkdirSync(join(temp.dir, "nested"), { recursive: true });
    writeFileSync(temp.path, randomBytes(8192));
    const error = failure(() => openDatabase(temp.path));
    expect(error.message).toBe(
      `cannot prepare database at ${temp.path}: not a database (the file is damaged or is something else)`,
    );
  });

  it("refuses a database whose pages were damaged (quick_check)", () => {
    const db = temp.open();
    fillKv(db, 2000);
    db.close();
    // Page 1 holds the schema; scribble over table pages further in.
    scribble(temp.path, 4096 * 6, 4096 * 4);
    const error = failure(() => openDatabase(temp.path));
    expect(error.message).toMatch(
      /^database at .* is damaged \(quick_check: .+\); restore a backup/,
    );
    expect(error.message).toContain(temp.path);
  });

  it("refuses a write-ahead log overwritten with random bytes instead of silently dropping its commits", () => {
    const db = temp.open();
    db.pragma("wal_autocheckpoint = 0");
    fillKv(db, 50);
    const copy = join(temp.dir, "copy.db");
    copyFileSync(temp.path, copy);
    copyFileSync(`${temp.path}-wal`, `${copy}-wal`);
    db.close();
    scribble(`${copy}-wal`, 0, 4096);
    const error = failure(() => openDatabase(copy));
    expect(error.message).toBe(
      `database at ${copy} is damaged: its write-ahead log ${copy}-wal has no valid header; restore a backup`,
    );
  });

  it("refuses to start a new database beside a stray write-ahead log of a deleted one", () => {
    const db = temp.open();
    db.pragma("wal_autocheckpoint = 0");
    fillKv(db, 50);
    const copy = join(temp.dir, "copy.db");
    copyFileSync(`${temp.path}-wal`, `${copy}-wal`);
    db.close();
    expect(existsSync(copy)).toBe(false);
    expect(failure(() => openDatabase(copy)).message).toMatch(/is missing but its write-ahead log/);
    unlinkSync(`${copy}-wal`);
  });

  it("says why a database cannot be opened when its folder cannot exist", () => {
    mkdirSync(temp.dir, { recursive: true });
    const blocker = join(temp.dir, "file");
    writeFileSync(blocker, "");
    const error = failure(() => openDatabase(join(blocker, "digest.db")));
    expect(error.message).toBe(
      `cannot open database at ${join(blocker, "digest.db")}: a part of the path is not a folder`,
    );
  });
});

describe("explainDatabaseFailure", () => {
  const coded = (code: string) => Object.assign(new Error("boom"), { code });

  it("names read-only files, full disks and non-databases", () => {
    expect(explainDatabaseFailure(coded("SQLITE_READONLY"))).toBe(
      "the file or its folder is read-only",
    );
    expect(explainDatabaseFailure(coded("SQLITE_READONLY_DBMOVED"))).toBe(
      "the file or its folder is read-only",
    );
    expect(explainDatabaseFailure(coded("SQLITE_FULL"))).toBe("the disk is full");
    expect(explainDatabaseFailure(coded("ENOSPC"))).toBe("the disk is full");
    expect(explainDatabaseFailure(coded("EROFS"))).toBe("the file system is read-only");
    expect(explainDatabaseFailure(coded("SQLITE_NOTADB"))).toMatch(/^not a database/);
    expect(explainDatabaseFailure(new Error("strange"))).toBe("strange");
  });
});
