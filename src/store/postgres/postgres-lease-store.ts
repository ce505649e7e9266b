import { z } from "zod";
import { expiryOf, mayAcquire, RELEASED_AT } from "../lease-rules.js";
import type { LeaseRecord, LeaseStore } from "../ports.js";
import { parseRow } from "../parse-row.js";
import type { PgDb } from "./pg-db.js";
import { pgCount, pgTime } from "./pg-row.js";

const LeaseRow = z
  .object({ name: z.string(), holder: z.string(), epoch: pgCount, expires_at: pgTime })
  .transform((r): LeaseRecord => ({
    name: r.name,
    holder: r.holder,
    epoch: r.epoch,
    expiresAt: r.expires_at,
  }));

const toLease = (row: Record<string, unknown> | undefined, name: string) =>
  row === undefined ? undefined : parseRow(LeaseRow, "lease", name, row);

export function createPostgresLeaseStore(db: PgDb): LeaseStore {
  const get = async (name: string) =>
    toLease((await db.query("SELECT * FROM lease WHERE name = $1", [name])).rows[0], name);

  return {
    acquire: (request) =>
      db.atomic(async (tx) => {
        // A released-looking row to lock: read-then-write must hold the row or two could "acquire".
        await tx.query(
          `INSERT INTO lease (name, holder, epoch, expires_at) VALUES ($1, '', 0, $2)
          ON CONFLICT (name) DO NOTHING`,
          [request.name, RELEASED_AT],
        );
        const locked = await tx.query("SELECT * FROM lease WHERE name = $1 FOR UPDATE", [
          request.name,
        ]);
        const stored = toLease(locked.rows[0], request.name);
        const current = stored?.holder === "" && stored.epoch === 0 ? undefined : stored;
        if (!mayAcquire(current, request)) return { ok: false as const, current: current! };
        const epoch = (current?.epoch ?? 0) + 1;
        await tx.query(
          "UPDATE lease SET holder = $2, epoch = $3, expires_at = $4 WHERE name = $1",
          [request.name, request.holder, epoch, expiryOf(request)],
        );
        return { ok: true as const, epoch };
      }),
    async renew(request) {
      const r = await db.query(
        `UPDATE lease SET expires_at = $1 WHERE name = $2 AND holder = $3 AND epoch = $4
          AND expires_at > $5`,
        [expiryOf(request), request.name, request.holder, request.epoch, request.now],
      );
      return r.rowCount === 1;
    },
    async release(name, holder, epoch) {
      await db.query(
        "UPDATE lease SET expires_at = $1 WHERE name = $2 AND holder = $3 AND epoch = $4",
        [RELEASED_AT, name, holder, epoch],
      );
    },
    async holds(name, holder, epoch, now) {
      const lease = await get(name);
      return (
        lease?.holder === holder &&
        lease.epoch === epoch &&
        Date.parse(lease.expiresAt) > now.getTime()
      );
    },
    get,
  };
}
