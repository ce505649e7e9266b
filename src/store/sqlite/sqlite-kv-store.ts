import type { Database } from "better-sqlite3";
import type { SyncKvStore } from "../sync-ports.js";

export function createSqliteKvStore(db: Database): SyncKvStore {
  const q = {
    get: db.prepare("SELECT value FROM kv WHERE key = ?"),
    set: db.prepare(
      "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ),
    delete: db.prepare("DELETE FROM kv WHERE key = ?"),
  };
  return {
    get: (key) => (q.get.get(key) as { value: string } | undefined)?.value,
    set: (key, value) => void q.set.run(key, value),
    delete: (key) => void q.delete.run(key),
  };
}
