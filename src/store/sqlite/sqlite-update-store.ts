import type { Database } from "better-sqlite3";
import type { SyncProcessedUpdateStore } from "../sync-ports.js";

export function createSqliteUpdateStore(db: Database): SyncProcessedUpdateStore {
  const q = {
    claim: db.prepare(
      "INSERT INTO processed_updates (key, processed_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
    ),
    prune: db.prepare("DELETE FROM processed_updates WHERE processed_at < ?"),
  };
  return {
    claim: (key, at) => q.claim.run(key, at.toISOString()).changes === 1,
    prune: (before) => q.prune.run(before.toISOString()).changes,
  };
}
