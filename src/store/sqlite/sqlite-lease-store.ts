import type { Database } from "better-sqlite3";
import { z } from "zod";
import { expiryOf, mayAcquire, RELEASED_AT } from "../lease-rules.js";
import { parseRow } from "./parse-row.js";
import type { LeaseRecord } from "../ports.js";
import type { SyncLeaseStore } from "../sync-ports.js";

const LeaseRow = z
  .object({
    name: z.string(),
    holder: z.string(),
    epoch: z.number().int(),
    expires_at: z.iso.datetime(),
  })
  .transform((r): LeaseRecord => ({
    name: r.name,
    holder: r.holder,
    epoch: r.epoch,
    expiresAt: r.expires_at,
  }));

export function createSqliteLeaseStore(db: Database): SyncLeaseStore {
  const q = {
    get: db.prepare("SELECT * FROM lease WHERE name = ?"),
    upsert: db.prepare(`INSERT INTO lease (name, holder, epoch, expires_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, epoch = excluded.epoch,
      expires_at = excluded.expires_at`),
    renew: db.prepare(`UPDATE lease SET expires_at = ? WHERE name = ? AND holder = ? AND epoch = ?
      AND expires_at > ?`),
    release: db.prepare(
      "UPDATE lease SET expires_at = ? WHERE name = ? AND holder = ? AND epoch = ?",
    ),
  };
  const get = (name: string): LeaseRecord | undefined => {
    const row = q.get.get(name);
    return row === undefined ? undefined : parseRow(LeaseRow, "lease", name, row);
  };
  // Read-then-write must be one IMMEDIATE transaction or two processes could both "acquire".
  const acquire = db.transaction((request: Parameters<SyncLeaseStore["acquire"]>[0]) => {
    const current = get(request.name);
    if (!mayAcquire(current, request)) return { ok: false as const, current: current! };
    const epoch = (current?.epoch ?? 0) + 1;
    q.upsert.run(request.name, request.holder, epoch, expiryOf(request));
    return { ok: true as const, epoch };
  });
  return {
    acquire: (request) => acquire.immediate(request),
    renew: (request) =>
      q.renew.run(
        expiryOf(request),
        request.name,
        request.holder,
        request.epoch,
        request.now.toISOString(),
      ).changes === 1,
    release: (name, holder, epoch) => void q.release.run(RELEASED_AT, name, holder, epoch),
    holds(name, holder, epoch, now) {
      const lease = get(name);
      return (
        lease?.holder === holder &&
        lease.epoch === epoch &&
        Date.parse(lease.expiresAt) > now.getTime()
      );
    },
    get,
  };
}
