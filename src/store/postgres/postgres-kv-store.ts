import type { KvStore } from "../ports.js";
import type { PgDb } from "./pg-db.js";

export function createPostgresKvStore(db: PgDb): KvStore {
  return {
    async get(key) {
      const { rows } = await db.query("SELECT value FROM kv WHERE key = $1", [key]);
      return rows[0] === undefined ? undefined : String(rows[0].value);
    },
    async set(key, value) {
      await db.query(
        `INSERT INTO kv (key, value) VALUES ($1, $2)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [key, value],
      );
    },
    async delete(key) {
      await db.query("DELETE FROM kv WHERE key = $1", [key]);
    },
  };
}
