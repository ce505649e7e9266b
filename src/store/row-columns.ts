import type { SourceKind, SourceRow, SourceState } from "../model/index.js";

/**
 * Column -> field mappings shared by the SQLite and Postgres stores. Each engine parses its own
 * column types (SQLite integers for booleans, Postgres timestamptz); the shape they map to is one.
 * Ledger and subscription results are validated by the caller (`.pipe(LedgerRow)`).
 */
type Columns = Record<string, unknown>;

export const ledgerFromColumns = (r: Columns): unknown => ({
  id: r["id"],
  subscriptionId: r["subscription_id"],
  slot: r["slot"],
  partIndex: r["part_index"],
  partCount: r["part_count"],
  target: { platform: r["platform"], chatId: r["chat_id"], threadId: r["thread_id"] },
  payload: r["payload"],
  cardIds: r["card_ids"],
  status: r["status"],
  attempts: r["attempts"],
  nextAttemptAt: r["next_attempt_at"],
  firstAttemptAt: r["first_attempt_at"],
  lastAttemptAt: r["last_attempt_at"],
  maybeDeliveredAt: r["maybe_delivered_at"],
  claimedEpoch: r["claimed_epoch"],
  lastError: r["last_error"],
  createdAt: r["created_at"],
  updatedAt: r["updated_at"],
});

export const subscriptionFromColumns = (r: Columns): unknown => ({
  id: r["id"],
  target: { platform: r["platform"], chatId: r["chat_id"], threadId: r["thread_id"] },
  cron: r["cron"],
  timezone: r["timezone"],
  count: r["count"],
  include: r["include_json"],
  exclude: r["exclude_json"],
  format: r["format"],
  sourceIds: r["source_ids_json"],
  notifyEmpty: r["notify_empty"],
  createdBy: r["created_by"],
  createdAt: r["created_at"],
  active: r["active"],
  consecutiveFailures: r["consecutive_failures"],
  lastSlot: r["last_slot"],
});

export interface SourceColumns {
  id: string;
  url: string;
  kind: SourceKind;
  title: string | null;
  added_by_platform: "telegram" | "discord" | "console" | null;
  added_by_chat: string | null;
  state_json: SourceState;
  active: boolean;
  created_at: string;
}

export function sourceFromColumns(row: SourceColumns): SourceRow {
  return {
    id: row.id,
    url: row.url,
    kind: row.kind,
    title: row.title,
    addedBy:
      row.added_by_platform !== null && row.added_by_chat !== null
        ? { platform: row.added_by_platform, chatId: row.added_by_chat }
        : null,
    state: row.state_json,
    active: row.active,
    createdAt: row.created_at,
  };
}
