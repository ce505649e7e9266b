import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { applyMigrations, createSqliteStore, MIGRATIONS } from "../../src/store/index.js";

it("keeps a subscription made before formats existed sending full cards from every source", async () => {
  const db = new Database(":memory:");
  applyMigrations(
    db,
    MIGRATIONS.filter((m) => m.version <= 4),
  );
  db.prepare(
    `INSERT INTO subscriptions (id, platform, chat_id, thread_id, cron, timezone, count,
      include_json, exclude_json, notify_empty, created_by, created_at, active,
      consecutive_failures, last_slot)
    VALUES ('old123', 'telegram', '42', NULL, '0 8 * * *', 'UTC', 5, '[]', '[]', 0, 'u',
      '2024-03-01T08:00:00.000Z', 1, 0, NULL)`,
  ).run();
  applyMigrations(db);
  const sub = await createSqliteStore(db).subscriptions.get("old123");
  expect(sub).toMatchObject({ id: "old123", format: "full", sourceIds: [] });
  db.close();
});
