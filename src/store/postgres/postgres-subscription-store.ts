import { z } from "zod";
import { subscriptionFromColumns } from "../row-columns.js";
import { Subscription } from "../../model/index.js";
import { buildSubscription } from "../build-subscription.js";
import type { SubscriptionStore } from "../ports.js";
import { parseRow } from "../parse-row.js";
import { createSubscriptionId, type RandomIndex } from "../subscription-id.js";
import type { PgDb } from "./pg-db.js";
import { pgTime } from "./pg-row.js";

const SubscriptionRow = z
  .object({
    id: z.string(),
    platform: z.string(),
    chat_id: z.string(),
    thread_id: z.string().nullable(),
    cron: z.string(),
    timezone: z.string(),
    count: z.number(),
    include_json: z.array(z.string()),
    exclude_json: z.array(z.string()),
    format: z.string(),
    source_ids_json: z.array(z.string()),
    notify_empty: z.boolean(),
    created_by: z.string(),
    created_at: pgTime,
    active: z.boolean(),
    consecutive_failures: z.number(),
    last_slot: pgTime.nullable(),
  })
  .transform(subscriptionFromColumns)
  .pipe(Subscription);

const toSubscription = (row: Record<string, unknown>): Subscription =>
  parseRow(SubscriptionRow, "subscriptions", String(row.id), row);

const ORDER = "ORDER BY created_at, id";
const MAX_ID_ATTEMPTS = 100;

export function createPostgresSubscriptionStore(db: PgDb, random?: RandomIndex): SubscriptionStore {
  const all = async (sql: string, values: unknown[] = []) =>
    (await db.query(sql, values)).rows.map(toSubscription);

  return {
    async create(input, now) {
      // Insert-or-retry instead of check-then-insert: another process may take the same id.
      for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
        const sub = buildSubscription(input, createSubscriptionId(random), now);
        const inserted = await db.query(
          `INSERT INTO subscriptions (id, platform, chat_id, thread_id, cron, timezone, count,
            include_json, exclude_json, format, source_ids_json, notify_empty, created_by,
            created_at, active, consecutive_failures, last_slot)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, true, 0, NULL)
          ON CONFLICT (id) DO NOTHING`,
          [
            sub.id,
            sub.target.platform,
            sub.target.chatId,
            sub.target.threadId,
            sub.cron,
            sub.timezone,
            sub.count,
            JSON.stringify(sub.include),
            JSON.stringify(sub.exclude),
            sub.format,
            JSON.stringify(sub.sourceIds),
            sub.notifyEmpty,
            sub.createdBy,
            sub.createdAt,
          ],
        );
        if (inserted.rowCount === 1) return sub;
      }
      throw new Error(`could not find a free subscription id after ${MAX_ID_ATTEMPTS} attempts`);
    },
    async get(id) {
      const [sub] = await all("SELECT * FROM subscriptions WHERE id = $1", [id]);
      return sub;
    },
    async getMany(ids) {
      const found = await all("SELECT * FROM subscriptions WHERE id = ANY($1::text[])", [[...ids]]);
      const byId = new Map(found.map((sub) => [sub.id, sub]));
      return ids.map((id) => byId.get(id));
    },
    list: () => all(`SELECT * FROM subscriptions ${ORDER}`),
    listByChat: ({ platform, chatId }) =>
      all(`SELECT * FROM subscriptions WHERE platform = $1 AND chat_id = $2 ${ORDER}`, [
        platform,
        chatId,
      ]),
    listActive: () => all(`SELECT * FROM subscriptions WHERE active ${ORDER}`),
    async remove(id) {
      const [sub] = await all("DELETE FROM subscriptions WHERE id = $1 RETURNING *", [id]);
      return sub;
    },
    async setFormat(id, format) {
      const [sub] = await all("UPDATE subscriptions SET format = $1 WHERE id = $2 RETURNING *", [
        format,
        id,
      ]);
      return sub;
    },
    async markFired(id, slotIso) {
      await db.query("UPDATE subscriptions SET last_slot = $1 WHERE id = $2", [slotIso, id]);
    },
    async moveChat(platform, fromChatId, toChatId) {
      const r = await db.query(
        "UPDATE subscriptions SET chat_id = $1 WHERE platform = $2 AND chat_id = $3",
        [toChatId, platform, fromChatId],
      );
      return r.rowCount;
    },
    async recordSuccess(id) {
      await db.query("UPDATE subscriptions SET consecutive_failures = 0 WHERE id = $1", [id]);
    },
    async recordFailure(id) {
      const { rows } = await db.query(
        `UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1
        WHERE id = $1 RETURNING consecutive_failures AS n`,
        [id],
      );
      return Number(rows[0]?.n ?? 0);
    },
    async deactivate(id) {
      await db.query("UPDATE subscriptions SET active = false WHERE id = $1", [id]);
    },
  };
}
