import type { ProcessedUpdateStore } from "../ports.js";
import type { PgDb } from "./pg-db.js";

export function createPostgresUpdateStore(db: PgDb): ProcessedUpdateStore {
  return {
    async claim(key, at) {
      const r = await db.query(
        `INSERT INTO processed_updates (key, processed_at) VALUES ($1, $2)
        ON CONFLICT (key) DO NOTHING`,
        [key, at],
      );
      return r.rowCount === 1;
    },
    async prune(before) {
      const r = await db.query("DELETE FROM processed_updates WHERE processed_at < $1", [before]);
      return r.rowCount;
    },
  };
}
