import { emptyCounts, type LedgerFilter, type LedgerRow } from "../../model/index.js";
import type { SyncLedgerStore } from "../sync-ports.js";

const slotKey = (subscriptionId: string, slot: string) => `${subscriptionId}\u0000${slot}`;

const matches = (row: LedgerRow, filter: LedgerFilter = {}) =>
  (filter.subscriptionId === undefined || row.subscriptionId === filter.subscriptionId) &&
  (filter.slot === undefined || row.slot === filter.slot) &&
  (filter.status === undefined || row.status === filter.status);

const patch = (row: LedgerRow, changes: Partial<LedgerRow>) => Object.assign(row, changes);

/**
 * The outbox in Maps. `pending` keeps rows in the order they became pending, so `due` scans only
 * pending rows (fast enough for 10,000-row tests) instead of sorting everything.
 */
export function createMemoryLedgerStore(): SyncLedgerStore {
  const rows = new Map<string, LedgerRow>();
  const slots = new Map<string, LedgerRow[]>();
  const subscriptions = new Set<string>();
  const pending = new Map<string, LedgerRow>();

  /** Unsettled (pending or sending) rows per subscription, for the ordering rule of `due`. */
  const open = new Map<string, Map<string, LedgerRow>>();
  const setPending = (row: LedgerRow) => {
    pending.delete(row.id);
    if (row.status === "pending") pending.set(row.id, row);
    const mine = open.get(row.subscriptionId) ?? new Map<string, LedgerRow>();
    if (row.status === "pending" || row.status === "sending") mine.set(row.id, row);
    else mine.delete(row.id);
    if (mine.size > 0) open.set(row.subscriptionId, mine);
    else open.delete(row.subscriptionId);
  };
  /** Digests of one subscription go out in slot order, and the parts of one digest in order. */
  const earlierPartsSettled = (row: LedgerRow) => {
    for (const p of open.get(row.subscriptionId)?.values() ?? []) {
      if (p.slot < row.slot || (p.slot === row.slot && p.partIndex < row.partIndex)) return false;
    }
    return true;
  };
  const claimedBy = (id: string, epoch: number) => {
    const row = rows.get(id);
    return row?.status === "sending" && row.claimedEpoch === epoch ? row : undefined;
  };

  return {
    insert(newRows, now) {
      let inserted = 0;
      const at = now.toISOString();
      for (const fresh of newRows) {
        const siblings = slots.get(slotKey(fresh.subscriptionId, fresh.slot)) ?? [];
        if (rows.has(fresh.id) || siblings.some((p) => p.partIndex === fresh.partIndex)) continue;
        const row: LedgerRow = {
          ...structuredClone(fresh),
          status: "pending",
          attempts: 0,
          nextAttemptAt: at,
          firstAttemptAt: null,
          lastAttemptAt: null,
          maybeDeliveredAt: null,
          claimedEpoch: null,
          lastError: null,
          createdAt: at,
          updatedAt: at,
        };
        rows.set(row.id, row);
        slots.set(slotKey(row.subscriptionId, row.slot), [...siblings, row]);
        subscriptions.add(row.subscriptionId);
        setPending(row);
        inserted++;
      }
      return inserted;
    },
    hasSlot: (subscriptionId, slot) => slots.has(slotKey(subscriptionId, slot)),
    hasAny: (subscriptionId) => subscriptions.has(subscriptionId),
    pendingFor: (subscriptionId) =>
      [...(open.get(subscriptionId)?.values() ?? [])]
        .filter((r) => r.status === "pending")
        .sort((a, b) => a.slot.localeCompare(b.slot) || a.partIndex - b.partIndex)
        .map((r) => structuredClone(r)),
    get: (id) => {
      const row = rows.get(id);
      return row === undefined ? undefined : structuredClone(row);
    },
    list: (filter) =>
      [...rows.values()]
        .filter((r) => matches(r, filter))
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
        .map((r) => structuredClone(r)),
    counts(filter) {
      const counts = emptyCounts();
      for (const row of rows.values()) {
        if (!matches(row, filter)) continue;
        counts[row.status]++;
        counts.total++;
      }
      return counts;
    },
    due(now, limit, platform) {
      const at = now.toISOString();
      const result: LedgerRow[] = [];
      for (const row of pending.values()) {
        if (result.length >= limit) break;
        if (platform !== undefined && row.target.platform !== platform) continue;
        if (row.nextAttemptAt <= at && earlierPartsSettled(row)) result.push(structuredClone(row));
      }
      return result;
    },
    nextDueAt(platform) {
      let earliest: string | undefined;
      for (const row of pending.values()) {
        if (platform !== undefined && row.target.platform !== platform) continue;
        if (earliest !== undefined && row.nextAttemptAt >= earliest) continue;
        if (earlierPartsSettled(row)) earliest = row.nextAttemptAt;
      }
      return earliest;
    },
    claim(id, epoch, now) {
      const row = rows.get(id);
      if (row?.status !== "pending") return false;
      const at = now.toISOString();
      patch(row, {
        status: "sending",
        attempts: row.attempts + 1,
        firstAttemptAt: row.firstAttemptAt ?? at,
        lastAttemptAt: at,
        claimedEpoch: epoch,
        updatedAt: at,
      });
      setPending(row);
      return true;
    },
    settle(id, epoch, status, error, now) {
      const row = claimedBy(id, epoch);
      if (row === undefined) return false;
      // A settled row is never sent again: its rendered payload is dead weight.
      patch(row, { status, lastError: error, updatedAt: now.toISOString(), payload: {} });
      setPending(row);
      return true;
    },
    release(id, epoch, retry, now) {
      const row = claimedBy(id, epoch);
      if (row === undefined) return false;
      patch(row, {
        status: "pending",
        nextAttemptAt: retry.nextAttemptAt.toISOString(),
        lastError: retry.error,
        maybeDeliveredAt: retry.maybeDelivered
          ? (row.maybeDeliveredAt ?? row.lastAttemptAt)
          : row.maybeDeliveredAt,
        updatedAt: now.toISOString(),
      });
      setPending(row);
      return true;
    },
    defer(id, until, now) {
      const row = rows.get(id);
      if (row?.status !== "pending") return false;
      patch(row, { nextAttemptAt: until.toISOString(), updatedAt: now.toISOString() });
      setPending(row);
      return true;
    },
    retarget(platform, fromChatId, toChatId, now) {
      let moved = 0;
      for (const row of rows.values()) {
        if (row.status !== "pending" && row.status !== "sending") continue;
        if (row.target.platform !== platform || row.target.chatId !== fromChatId) continue;
        row.target.chatId = toChatId;
        row.updatedAt = now.toISOString();
        moved++;
      }
      return moved;
    },
    prune(before) {
      const cutoff = before.toISOString();
      let removed = 0;
      for (const [key, parts] of [...slots]) {
        if (parts.some((p) => p.status === "pending" || p.status === "sending")) continue;
        const keep = parts.filter((p) => p.updatedAt >= cutoff);
        for (const p of parts) if (p.updatedAt < cutoff) rows.delete(p.id);
        removed += parts.length - keep.length;
        if (keep.length > 0) slots.set(key, keep);
        else slots.delete(key);
      }
      subscriptions.clear();
      for (const row of rows.values()) subscriptions.add(row.subscriptionId);
      return removed;
    },
    cancelPending({ subscriptionId, slot }, reason, now) {
      let cancelled = 0;
      for (const row of [...pending.values()]) {
        if (!matches(row, { subscriptionId, slot })) continue;
        patch(row, {
          status: "failed",
          lastError: reason,
          updatedAt: now.toISOString(),
          payload: {},
        });
        setPending(row);
        cancelled++;
      }
      return cancelled;
    },
  };
}
