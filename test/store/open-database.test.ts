import { existsSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/lib/errors.js";
import { applyMigrations, MIGRATIONS, type Migration } from "../../src/store/index.js";
import { tempDatabase } from "./store-kit.js";

describe("openDatabase", () => {
  const temp = tempDatabase();
  afterEach(() => temp.cleanup());

  it("creates the folder, turns on WAL, full sync and a busy timeout", () => {
    const db = temp.open();
    expect(existsSync(dirname(temp.path))).toBe(true);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(db.pragma("busy_timeout", { simple: true })).toBe(5000);
    db.close();
  });

  it("applies every migration once, in order, and records it", () => {
    const db = temp.open();
    const versions = db
      .prepare("SELECT version FROM schema_migrations ORDER BY version")
      .pluck()
      .all();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
    const again = temp.open();
    expect(applyMigrations(again)).toEqual([]);
    again.close();
  });
});

describe("applyMigrations", () => {
  const base: Migration[] = [{ version: 1, name: "one", sql: "CREATE TABLE a (x INTEGER);" }];

  it("applies only the migrations that are new", () => {
    const db = new Database(":memory:");
    expect(applyMigrations(db, base)).toEqual([1]);
    const next = [...base, { version: 2, name: "two", sql: "ALTER TABLE a ADD COLUMN y TEXT;" }];
    expect(applyMigrations(db, next)).toEqual([2]);
    expect(applyMigrations(db, next)).toEqual([]);
    db.close();
  });

  it("rolls a failing migration back completely", () => {
    const db = new Database(":memory:");
    const broken = [
      ...base,
      {
        version: 2,
        name: "broken",
        sql: "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);",
      },
    ];
    expect(() => applyMigrations(db, broken)).toThrow(/migration 2 \(broken\) failed/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toContain("a");
    expect(tables).not.toContain("b");
    expect(db.prepare("SELECT MAX(version) FROM schema_migrations").pluck().get()).toBe(1);
    db.close();
  });

  it("refuses a database written by a newer build", () => {
    const db = new Database(":memory:");
    applyMigrations(db, [...base, { version: 2, name: "two", sql: "SELECT 1;" }]);
    expect(() => applyMigrations(db, base)).toThrow(StoreError);
    expect(() => applyMigrations(db, base)).toThrow(/newer than this build/);
    db.close();
  });

  it("refuses migrations out of order", () => {
    const db = new Database(":memory:");
    expect(() => applyMigrations(db, [...base, { version: 1, name: "dup", sql: "" }])).toThrow(
      /must increase/,
    );
    db.close();
  });
});

describe("upgrading cards to source-and-item ids", () => {
  it("keeps an old card's arrival and receipts for its rebuilt card, so nothing is sent twice", async () => {
    const db = new Database(":memory:");
    applyMigrations(db, MIGRATIONS.slice(0, 2));
    db.prepare(
      `INSERT INTO cards (id, source, date, title, search_text, arrived_at, json)
       VALUES ('28c3b4226e66', 'article-1.txt', NULL, 't', 't', '2024-01-01T00:00:00.000Z', '{}')`,
    ).run();
    db.prepare(
      `INSERT INTO received VALUES ('telegram', 'c1', '', '28c3b4226e66', 's1', '2024-01-02T00:00:00.000Z')`,
    ).run();
    applyMigrations(db);
    const { createSqliteStore } = await import("../../src/store/index.js");
    const { makeCard } = await import("../fixtures/cards.js");
    const store = createSqliteStore(db);
    const card = makeCard(1);
    expect(await store.cards.upsert(card, new Date("2024-06-01T00:00:00.000Z"))).toBe("inserted");
    const target = { platform: "telegram" as const, chatId: "c1", threadId: null };
    expect(await store.received.has(target, card.id)).toBe(true);
    const page = { arrivedSince: "2024-03-01T00:00:00.000Z", limit: 5, offset: 0 };
    expect(await store.cards.unreceived({ ...target, chatId: "c2" }, page)).toEqual([]);
    db.close();
  });
});
