import type { Database } from "better-sqlite3";
import { z } from "zod";
import { subscriptionFromColumns } from "../row-columns.js";
import { Subscription } from "../../model/index.js";
import { buildSubscription } from "../build-subscription.js";
import { jsonColumn, parseRow, sqliteBoolean } from "./parse-row.js";
import { uniqueSubscriptionId, type RandomIndex } from "../subscription-id.js";
import type { SyncSubscriptionStore } from "../sync-ports.js";

const SubscriptionRow = z
  .object({
    id: z.string(),
    platform: z.string(),
    chat_id: z.string(),
    thread_id: z.string().nullable(),
    cron: z.string(),
    timezone: z.string(),
    count: z.number(),
    include_json: jsonColumn(z.array(z.string())),
    exclude_json: jsonColumn(z.array(z.string())),
    format: z.string(),
    source_ids_json: jsonColumn(z.array(z.string())),
    notify_empty: sqliteBoolean,
    created_by: z.string(),
    created_at: z.string(),
    active: sqliteBoolean,
    consecutive_failures: z.number(),
    last_slot: z.string().nullable(),
  })
  .transform(subscriptionFromColumns)
  .pipe(Subscription);

const toSubscription = (row: unknown): Subscription =>
  parseRow(SubscriptionRow, "subscriptions", String((row as { id?: unknown }).id), row);

const ORDER = "ORDER BY created_at, id";

export function createSqliteSubscriptionStore(
  db: Database,
  random?: RandomIndex,
): SyncSubscriptionStore {
  const q = {
    insert: db.prepare(`INSERT INTO subscriptions (id, platform, chat_id, thread_id, cron, timezone,
      count, include_json, exclude_json, format, source_ids_json, notify_empty, created_by, created_at,
      active, consecutive_failures, last_slot) VALUES (@id, @platform, @chatId, @threadId, @cron,
      @timezone, @count, @include, @exclude, @format, @sourceIds, @notifyEmpty, @createdBy,
      @createdAt, 1, 0, NULL)`),
    exists: db.prepare("SELECT 1 FROM subscriptions WHERE id = ?"),
    get: db.prepare("SELECT * FROM subscriptions WHERE id = ?"),
    list: db.prepare(`SELECT * FROM subscriptions ${ORDER}`),
    byChat: db.prepare(`SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ? ${ORDER}`),
    active: db.prepare(`SELECT * FROM subscriptions WHERE active = 1 ${ORDER}`),
    remove: db.prepare("DELETE FROM subscriptions WHERE id = ?"),
    setFormat: db.prepare("UPDATE subscriptions SET format = ? WHERE id = ? RETURNING *"),
    markFired: db.prepare("UPDATE subscriptions SET last_slot = ? WHERE id = ?"),
    moveChat: db.prepare("UPDATE subscriptions SET chat_id = ? WHERE platform = ? AND chat_id = ?"),
    success: db.prepare("UPDATE subscriptions SET consecutive_failures = 0 WHERE id = ?"),
    failure: db.prepare(`UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1
      WHERE id = ? RETURNING consecutive_failures AS n`),
    deactivate: db.prepare("UPDATE subscriptions SET active = 0 WHERE id = ?"),
  };

  const create = db.transaction(
    (input: Parameters<SyncSubscriptionStore["create"]>[0], now: Date) => {
      const id = uniqueSubscriptionId((candidate) => q.exists.get(candidate) !== undefined, random);
      const sub = buildSubscription(input, id, now);
      q.insert.run({
        id,
        platform: sub.target.platform,
        chatId: sub.target.chatId,
        threadId: sub.target.threadId,
        cron: sub.cron,
        timezone: sub.timezone,
        count: sub.count,
        include: JSON.stringify(sub.include),
        exclude: JSON.stringify(sub.exclude),
        format: sub.format,
        sourceIds: JSON.stringify(sub.sourceIds),
        notifyEmpty: sub.notifyEmpty ? 1 : 0,
        createdBy: sub.createdBy,
        createdAt: sub.createdAt,
      });
      return sub;
    },
  );
  const remove = db.transaction((id: string) => {
    const row = q.get.get(id);
    if (row === undefined) return undefined;
    q.remove.run(id);
    return toSubscription(row);
  });

  return {
    create: (input, now) => create(input, now),
    get: (id) => {
      const row = q.get.get(id);
      return row === undefined ? undefined : toSubscription(row);
    },
    list: () => q.list.all().map(toSubscription),
    listByChat: ({ platform, chatId }) => q.byChat.all(platform, chatId).map(toSubscription),
    listActive: () => q.active.all().map(toSubscription),
    remove: (id) => remove(id),
    setFormat: (id, format) => {
      const row = q.setFormat.get(format, id);
      return row === undefined ? undefined : toSubscription(row);
    },
    markFired: (id, slotIso) => void q.markFired.run(slotIso, id),
    moveChat: (platform, fromChatId, toChatId) =>
      q.moveChat.run(toChatId, platform, fromChatId).changes,
    recordSuccess: (id) => void q.success.run(id),
    recordFailure: (id) => (q.failure.get(id) as { n: number } | undefined)?.n ?? 0,
    deactivate: (id) => void q.deactivate.run(id),
  };
}
