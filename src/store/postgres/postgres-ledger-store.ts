import { z } from "zod";
import { ledgerFromColumns } from "../row-columns.js";
import { emptyCounts, LedgerRow, type LedgerFilter, type NewLedgerRow } from "../../model/index.js";
import type { LedgerStore } from "../ports.js";
import { parseRow } from "../parse-row.js";
import type { PgDb } from "./pg-db.js";
import { pgCount, pgTime } from "./pg-row.js";

const Row = z
  .object({
    id: z.string(),
    subscription_id: z.string(),
    slot: pgTime,
    part_index: z.number(),
    part_count: z.number(),
    platform: z.string(),
    chat_id: z.string(),
    thread_id: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    card_ids: z.array(z.string()),
    status: z.string(),
    attempts: z.number(),
    next_attempt_at: pgTime,
    first_attempt_at: pgTime.nullable(),
    last_attempt_at: pgTime.nullable(),
    maybe_delivered_at: pgTime.nullable(),
    claimed_epoch: pgCount.nullable(),
    last_error: z.string().nullable(),
    created_at: pgTime,
    updated_at: pgTime,
  })
  .transform(ledgerFromColumns)
  .pipe(LedgerRow);

const toRow = (row: Record<string, unknown>): LedgerRow =>
  parseRow(Row, "ledger", String(row.id), row);

/** WHERE clause for a LedgerFilter over $1..$3; `null` parameters match everything. */
const FILTER = `($1::text IS NULL OR subscription_id = $1)
  AND ($2::timestamptz IS NULL OR slot = $2) AND ($3::text IS NULL OR status = $3)`;
const filterParams = (f: LedgerFilter = {}) => [
  f.subscriptionId ?? null,
  f.slot ?? null,
  f.status ?? null,
];
/**
 * Digests of one subscription go out in slot order and the parts of one digest in order: a row
 * waits while an earlier one of its subscription is unsettled.
 */
const EARLIER_SETTLED = `NOT EXISTS (SELECT 1 FROM ledger p WHERE p.subscription_id = l.subscription_id
  AND (p.slot < l.slot OR (p.slot = l.slot AND p.part_index < l.part_index))
  AND p.status IN ('pending', 'sending'))`;
const CLAIMED = "id = $1 AND status = 'sending' AND claimed_epoch = $2";
/** Bind parameters per statement stay far below Postgres's 65,535. */
const INSERT_BATCH = 1_000;
const INSERT_COLUMNS = 10;

export function createPostgresLedgerStore(db: PgDb): LedgerStore {
  const rowsOf = async (sql: string, values: unknown[]) =>
    (await db.query(sql, values)).rows.map(toRow);
  const changed = async (sql: string, values: unknown[]) => (await db.query(sql, values)).rowCount;

  /** Inserts one batch; returns the ids that were new. */
  const insertBatch = async (rows: readonly NewLedgerRow[], now: Date): Promise<Set<string>> => {
    const values: unknown[] = [now];
    const tuples = rows.map((row, i) => {
      values.push(
        row.id,
        row.subscriptionId,
        row.slot,
        row.partIndex,
        row.partCount,
        row.target.platform,
        row.target.chatId,
        row.target.threadId,
        JSON.stringify(row.payload),
        JSON.stringify(row.cardIds),
      );
      const p = Array.from({ length: INSERT_COLUMNS }, (_, c) => `$${2 + i * INSERT_COLUMNS + c}`);
      return `(${p.join(", ")}, 'pending', 0, $1, $1, $1)`;
    });
    // ON CONFLICT without a target skips repeats of the id and of (subscription, slot, part).
    const { rows: inserted } = await db.query(
      `INSERT INTO ledger (id, subscription_id, slot, part_index, part_count, platform, chat_id,
        thread_id, payload, card_ids, status, attempts, next_attempt_at, created_at, updated_at)
      VALUES ${tuples.join(", ")} ON CONFLICT DO NOTHING RETURNING id`,
      values,
    );
    return new Set(inserted.map((r) => String(r.id)));
  };
  const insertNew = async (rows: readonly NewLedgerRow[], now: Date) => {
    const ids = new Set<string>();
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      for (const id of await insertBatch(rows.slice(i, i + INSERT_BATCH), now)) ids.add(id);
    }
    return rows.filter((row) => ids.has(row.id)).map((row) => row.id);
  };

  return {
    insert: async (rows, now) => (await insertNew(rows, now)).length,
    insertNew,
    hasSlot: async (subscriptionId, slot) =>
      (await changed("SELECT 1 FROM ledger WHERE subscription_id = $1 AND slot = $2 LIMIT 1", [
        subscriptionId,
        slot,
      ])) > 0,
    hasAny: async (subscriptionId) =>
      (await changed("SELECT 1 FROM ledger WHERE subscription_id = $1 LIMIT 1", [subscriptionId])) >
      0,
    async slotStates(keys) {
      if (keys.length === 0) return [];
      const ids = keys.map((k) => k.subscriptionId);
      const { rows: facts } = await db.query(
        `SELECT k.i,
          EXISTS (SELECT 1 FROM ledger l WHERE l.subscription_id = k.sid AND l.slot = k.slot) AS has_slot,
          EXISTS (SELECT 1 FROM ledger l WHERE l.subscription_id = k.sid) AS has_any
        FROM unnest($1::text[], $2::timestamptz[]) WITH ORDINALITY AS k(sid, slot, i) ORDER BY k.i`,
        [ids, keys.map((k) => k.slot)],
      );
      const pending = await rowsOf(
        `SELECT * FROM ledger WHERE subscription_id = ANY($1::text[]) AND status = 'pending'
        ORDER BY subscription_id, slot, part_index`,
        [[...new Set(ids)]],
      );
      const bySubscription = new Map<string, LedgerRow[]>();
      for (const row of pending)
        bySubscription.set(row.subscriptionId, [
          ...(bySubscription.get(row.subscriptionId) ?? []),
          row,
        ]);
      return keys.map((key, i) => ({
        hasSlot: facts[i]?.has_slot === true,
        hasAny: facts[i]?.has_any === true,
        pending: bySubscription.get(key.subscriptionId) ?? [],
      }));
    },
    pendingFor: (subscriptionId) =>
      rowsOf(
        `SELECT * FROM ledger WHERE subscription_id = $1 AND status = 'pending'
        ORDER BY slot, part_index`,
        [subscriptionId],
      ),
    async get(id) {
      const [row] = await rowsOf("SELECT * FROM ledger WHERE id = $1", [id]);
      return row;
    },
    list: (filter) =>
      rowsOf(`SELECT * FROM ledger WHERE ${FILTER} ORDER BY created_at, seq`, filterParams(filter)),
    async counts(filter) {
      const counts = emptyCounts();
      const { rows } = await db.query(
        `SELECT status, COUNT(*) AS n FROM ledger WHERE ${FILTER} GROUP BY status`,
        filterParams(filter),
      );
      for (const row of rows) {
        const status = row.status as keyof typeof counts;
        const n = pgCount.parse(row.n);
        counts[status] = n;
        counts.total += n;
      }
      return counts;
    },
    // SKIP LOCKED: inside a transaction the rows handed out stay locked until it ends, so a second
    // process's round passes over them instead of waiting.
    due: (now, limit, platform) =>
      rowsOf(
        `SELECT * FROM ledger l WHERE status = 'pending' AND next_attempt_at <= $1
        AND ($3::text IS NULL OR platform = $3)
        AND ${EARLIER_SETTLED} ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE OF l SKIP LOCKED`,
        [now, limit, platform ?? null],
      ),
    async nextDueAt(platform) {
      const { rows } = await db.query(
        `SELECT next_attempt_at AS at FROM ledger l
        WHERE status = 'pending' AND ($1::text IS NULL OR platform = $1)
        AND ${EARLIER_SETTLED} ORDER BY next_attempt_at LIMIT 1`,
        [platform ?? null],
      );
      return rows[0] === undefined ? undefined : pgTime.parse(rows[0].at);
    },
    claim: async (id, epoch, now) =>
      (await changed(
        `UPDATE ledger SET status = 'sending', attempts = attempts + 1,
          first_attempt_at = COALESCE(first_attempt_at, $3), last_attempt_at = $3,
          claimed_epoch = $2, updated_at = $3
        WHERE id = (SELECT id FROM ledger WHERE id = $1 AND status = 'pending'
          FOR UPDATE SKIP LOCKED)`,
        [id, epoch, now],
      )) === 1,
    settle: async (id, epoch, status, error, now) =>
      (await changed(
        // A settled row is never sent again: its rendered payload is dead weight.
        `UPDATE ledger SET status = $3, last_error = $4, updated_at = $5, payload = '{}'
        WHERE ${CLAIMED}`,
        [id, epoch, status, error, now],
      )) === 1,
    release: async (id, epoch, retry, now) =>
      (await changed(
        `UPDATE ledger SET status = 'pending', next_attempt_at = $3, last_error = $4,
          updated_at = $5, maybe_delivered_at = CASE WHEN $6
            THEN COALESCE(maybe_delivered_at, last_attempt_at) ELSE maybe_delivered_at END
        WHERE ${CLAIMED}`,
        [id, epoch, retry.nextAttemptAt, retry.error, now, retry.maybeDelivered === true],
      )) === 1,
    defer: async (id, until, now) =>
      (await changed(
        "UPDATE ledger SET next_attempt_at = $1, updated_at = $2 WHERE id = $3 AND status = 'pending'",
        [until, now, id],
      )) === 1,
    retarget: (platform, fromChatId, toChatId, now) =>
      changed(
        `UPDATE ledger SET chat_id = $1, updated_at = $2 WHERE platform = $3
        AND chat_id = $4 AND status IN ('pending', 'sending')`,
        [toChatId, now, platform, fromChatId],
      ),
    prune: (before) =>
      changed(
        `DELETE FROM ledger WHERE status IN ('sent', 'uncertain', 'failed')
        AND updated_at < $1 AND NOT EXISTS (SELECT 1 FROM ledger o
          WHERE o.subscription_id = ledger.subscription_id AND o.slot = ledger.slot
          AND o.status IN ('pending', 'sending'))`,
        [before],
      ),
    cancelPending: ({ subscriptionId, slot }, reason, now) =>
      changed(
        `UPDATE ledger SET status = 'failed', last_error = $1, updated_at = $2, payload = '{}'
        WHERE subscription_id = $3 AND ($4::timestamptz IS NULL OR slot = $4)
          AND status = 'pending'`,
        [reason, now, subscriptionId, slot ?? null],
      ),
  };
}
