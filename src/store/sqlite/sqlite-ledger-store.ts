import type { Database } from "better-sqlite3";
import { z } from "zod";
import { ledgerFromColumns } from "../row-columns.js";
import { emptyCounts, LedgerRow, type LedgerFilter, type NewLedgerRow } from "../../model/index.js";
import { jsonColumn, parseRow } from "./parse-row.js";
import type { SyncLedgerStore } from "../sync-ports.js";

const Row = z
  .object({
    id: z.string(),
    subscription_id: z.string(),
    slot: z.string(),
    part_index: z.number(),
    part_count: z.number(),
    platform: z.string(),
    chat_id: z.string(),
    thread_id: z.string().nullable(),
    payload: jsonColumn(z.record(z.string(), z.unknown())),
    card_ids: jsonColumn(z.array(z.string())),
    status: z.string(),
    attempts: z.number(),
    next_attempt_at: z.string(),
    first_attempt_at: z.string().nullable(),
    last_attempt_at: z.string().nullable(),
    maybe_delivered_at: z.string().nullable(),
    claimed_epoch: z.number().nullable(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .transform(ledgerFromColumns)
  .pipe(LedgerRow);

const toRow = (row: unknown): LedgerRow =>
  parseRow(Row, "ledger", String((row as { id?: unknown }).id), row);

/** WHERE clause for a LedgerFilter; `null` parameters match everything. */
const FILTER = `(@subscriptionId IS NULL OR subscription_id = @subscriptionId)
  AND (@slot IS NULL OR slot = @slot) AND (@status IS NULL OR status = @status)`;
const filterParams = (f: LedgerFilter = {}) => ({
  subscriptionId: f.subscriptionId ?? null,
  slot: f.slot ?? null,
  status: f.status ?? null,
});
/**
 * Digests of one subscription go out in slot order and the parts of one digest in order: a row
 * waits while an earlier one of its subscription is unsettled.
 */
const EARLIER_SETTLED = `NOT EXISTS (SELECT 1 FROM ledger p WHERE p.subscription_id = l.subscription_id
  AND (p.slot < l.slot OR (p.slot = l.slot AND p.part_index < l.part_index))
  AND p.status IN ('pending', 'sending'))`;
const CLAIMED = "id = @id AND status = 'sending' AND claimed_epoch = @epoch";

export function createSqliteLedgerStore(db: Database): SyncLedgerStore {
  const q = {
    insert: db.prepare(`INSERT OR IGNORE INTO ledger (id, subscription_id, slot, part_index,
      part_count, platform, chat_id, thread_id, payload, card_ids, status, attempts, next_attempt_at,
      created_at, updated_at) VALUES (@id, @subscriptionId, @slot, @partIndex, @partCount,
      @platform, @chatId, @threadId, @payload, @cardIds, 'pending', 0, @now, @now, @now)`),
    hasSlot: db.prepare("SELECT 1 FROM ledger WHERE subscription_id = ? AND slot = ? LIMIT 1"),
    hasAny: db.prepare("SELECT 1 FROM ledger WHERE subscription_id = ? LIMIT 1"),
    pendingFor: db.prepare(`SELECT * FROM ledger WHERE subscription_id = ? AND status = 'pending'
      ORDER BY slot, part_index`),
    get: db.prepare("SELECT * FROM ledger WHERE id = ?"),
    list: db.prepare(`SELECT * FROM ledger WHERE ${FILTER} ORDER BY created_at, rowid`),
    counts: db.prepare(`SELECT status, COUNT(*) AS n FROM ledger WHERE ${FILTER} GROUP BY status`),
    due: db.prepare(`SELECT * FROM ledger l INDEXED BY ledger_due WHERE status = 'pending'
      AND next_attempt_at <= @now AND (@platform IS NULL OR platform = @platform)
      AND ${EARLIER_SETTLED} ORDER BY next_attempt_at, id LIMIT @limit`),
    // Both walk the partial index of pending rows in order and stop early; without the hint the
    // planner may sort every pending row (10,000 rows: milliseconds per call).
    nextDue: db.prepare(`SELECT next_attempt_at AS at FROM ledger l INDEXED BY ledger_due
      WHERE status = 'pending' AND (@platform IS NULL OR platform = @platform)
      AND ${EARLIER_SETTLED} ORDER BY next_attempt_at LIMIT 1`),
    claim: db.prepare(`UPDATE ledger SET status = 'sending', attempts = attempts + 1,
      first_attempt_at = COALESCE(first_attempt_at, @now), last_attempt_at = @now,
      claimed_epoch = @epoch, updated_at = @now WHERE id = @id AND status = 'pending'`),
    // A settled row is never sent again: its rendered payload is dead weight.
    settle: db.prepare(`UPDATE ledger SET status = @status, last_error = @error, updated_at = @now,
      payload = '{}' WHERE ${CLAIMED}`),
    release: db.prepare(`UPDATE ledger SET status = 'pending', next_attempt_at = @next,
      last_error = @error, updated_at = @now, maybe_delivered_at = CASE WHEN @maybe = 1
        THEN COALESCE(maybe_delivered_at, last_attempt_at) ELSE maybe_delivered_at END
      WHERE ${CLAIMED}`),
    defer: db.prepare(`UPDATE ledger SET next_attempt_at = ?, updated_at = ?
      WHERE id = ? AND status = 'pending'`),
    retarget: db.prepare(`UPDATE ledger SET chat_id = ?, updated_at = ? WHERE platform = ?
      AND chat_id = ? AND status IN ('pending', 'sending')`),
    cancel: db.prepare(`UPDATE ledger SET status = 'failed', last_error = ?, updated_at = ?,
      payload = '{}' WHERE subscription_id = ? AND (? IS NULL OR slot = ?) AND status = 'pending'`),
    prune: db.prepare(`DELETE FROM ledger WHERE status IN ('sent', 'uncertain', 'failed')
      AND updated_at < ? AND NOT EXISTS (SELECT 1 FROM ledger o
        WHERE o.subscription_id = ledger.subscription_id AND o.slot = ledger.slot
        AND o.status IN ('pending', 'sending'))`),
  };
  const insert = db.transaction((rows: readonly NewLedgerRow[], now: string) => {
    let inserted = 0;
    for (const row of rows) {
      inserted += q.insert.run({
        id: row.id,
        subscriptionId: row.subscriptionId,
        slot: row.slot,
        partIndex: row.partIndex,
        partCount: row.partCount,
        platform: row.target.platform,
        chatId: row.target.chatId,
        threadId: row.target.threadId,
        payload: JSON.stringify(row.payload),
        cardIds: JSON.stringify(row.cardIds),
        now,
      }).changes;
    }
    return inserted;
  });

  return {
    insert: (rows, now) => insert(rows, now.toISOString()),
    hasSlot: (subscriptionId, slot) => q.hasSlot.get(subscriptionId, slot) !== undefined,
    hasAny: (subscriptionId) => q.hasAny.get(subscriptionId) !== undefined,
    pendingFor: (subscriptionId) => q.pendingFor.all(subscriptionId).map(toRow),
    get: (id) => {
      const row = q.get.get(id);
      return row === undefined ? undefined : toRow(row);
    },
    list: (filter) => q.list.all(filterParams(filter)).map(toRow),
    counts(filter) {
      const counts = emptyCounts();
      for (const { status, n } of q.counts.all(filterParams(filter)) as Array<{
        status: keyof typeof counts;
        n: number;
      }>) {
        counts[status] = n;
        counts.total += n;
      }
      return counts;
    },
    due: (now, limit, platform) =>
      q.due.all({ now: now.toISOString(), limit, platform: platform ?? null }).map(toRow),
    nextDueAt: (platform) =>
      (q.nextDue.get({ platform: platform ?? null }) as { at: string } | undefined)?.at,
    claim: (id, epoch, now) => q.claim.run({ id, epoch, now: now.toISOString() }).changes === 1,
    settle: (id, epoch, status, error, now) =>
      q.settle.run({ id, epoch, status, error, now: now.toISOString() }).changes === 1,
    release: (id, epoch, retry, now) =>
      q.release.run({
        id,
        epoch,
        next: retry.nextAttemptAt.toISOString(),
        error: retry.error,
        maybe: retry.maybeDelivered ? 1 : 0,
        now: now.toISOString(),
      }).changes === 1,
    defer: (id, until, now) =>
      q.defer.run(until.toISOString(), now.toISOString(), id).changes === 1,
    retarget: (platform, fromChatId, toChatId, now) =>
      q.retarget.run(toChatId, now.toISOString(), platform, fromChatId).changes,
    prune: (before) => q.prune.run(before.toISOString()).changes,
    cancelPending: ({ subscriptionId, slot }, reason, now) =>
      q.cancel.run(reason, now.toISOString(), subscriptionId, slot ?? null, slot ?? null).changes,
  };
}
