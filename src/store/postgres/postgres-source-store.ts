import { z } from "zod";
import { initialSourceState, SourceKind, SourceState, type SourceRow } from "../../model/index.js";
import { sourceFromColumns } from "../row-columns.js";
import type { ChatRef, SourceStore } from "../ports.js";
import { parseRow } from "../parse-row.js";
import type { PgDb } from "./pg-db.js";
import { pgTime } from "./pg-row.js";

const Row = z.object({
  id: z.string(),
  url: z.string(),
  kind: SourceKind,
  title: z.string().nullable(),
  added_by_platform: z.enum(["telegram", "discord", "console"]).nullable(),
  added_by_chat: z.string().nullable(),
  state_json: SourceState,
  active: z.boolean(),
  created_at: pgTime,
});

const COLUMNS =
  "s.id, s.url, s.kind, s.title, s.added_by_platform, s.added_by_chat, s.state_json, s.active, s.created_at";

function toSource(raw: Record<string, unknown>): SourceRow {
  const row = parseRow(Row, "sources", String(raw.id), raw);
  return sourceFromColumns(row);
}

export function createPostgresSourceStore(db: PgDb): SourceStore {
  const one = async (id: string) => {
    const { rows } = await db.query(`SELECT ${COLUMNS} FROM sources s WHERE s.id = $1`, [id]);
    return rows[0] === undefined ? undefined : toSource(rows[0]);
  };
  const changed = async (sql: string, values: unknown[]) =>
    (await db.query(sql, values)).rowCount > 0;

  return {
    async add(input, now) {
      // Insert-or-read instead of check-then-insert: another process may add the same id.
      const inserted = await db.query(
        `INSERT INTO sources (id, url, kind, title, added_by_platform, added_by_chat, state_json,
          active, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8)
        ON CONFLICT (id) DO NOTHING`,
        [
          input.id,
          input.url,
          input.kind,
          input.title,
          input.addedBy?.platform ?? null,
          input.addedBy?.chatId ?? null,
          JSON.stringify(input.state ?? initialSourceState(input.url)),
          now,
        ],
      );
      const source = await one(input.id);
      if (source === undefined) throw new Error(`source ${input.id} vanished while being added`);
      return { source, created: inserted.rowCount === 1 };
    },
    get: one,
    async list() {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM sources s ORDER BY s.seq`);
      return rows.map(toSource);
    },
    saveState: (id, state, title) =>
      title === undefined
        ? changed("UPDATE sources SET state_json = $1 WHERE id = $2", [JSON.stringify(state), id])
        : changed("UPDATE sources SET state_json = $1, title = $2 WHERE id = $3", [
            JSON.stringify(state),
            title,
            id,
          ]),
    setActive: (id, active) =>
      changed("UPDATE sources SET active = $1 WHERE id = $2", [active, id]),
    remove: (id) =>
      db.atomic(async (tx) => {
        await tx.query("DELETE FROM chat_sources WHERE source_id = $1", [id]);
        return (await tx.query("DELETE FROM sources WHERE id = $1", [id])).rowCount > 0;
      }),
    link: (chat: ChatRef, sourceId, now) =>
      changed(
        `INSERT INTO chat_sources (platform, chat_id, source_id, linked_at)
        VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [chat.platform, chat.chatId, sourceId, now],
      ),
    unlink: (chat, sourceId) =>
      changed("DELETE FROM chat_sources WHERE platform = $1 AND chat_id = $2 AND source_id = $3", [
        chat.platform,
        chat.chatId,
        sourceId,
      ]),
    async forChat(chat) {
      const { rows } = await db.query(
        `SELECT ${COLUMNS} FROM chat_sources l JOIN sources s ON s.id = l.source_id
        WHERE l.platform = $1 AND l.chat_id = $2 ORDER BY l.seq`,
        [chat.platform, chat.chatId],
      );
      return rows.map(toSource);
    },
    async forChats(chats) {
      const { rows } = await db.query(
        `SELECT k.i, ${COLUMNS} FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(platform, chat_id, i)
        JOIN chat_sources l ON l.platform = k.platform AND l.chat_id = k.chat_id
        JOIN sources s ON s.id = l.source_id ORDER BY k.i, l.seq`,
        [chats.map((c) => c.platform), chats.map((c) => c.chatId)],
      );
      const lists: SourceRow[][] = chats.map(() => []);
      for (const row of rows) lists[Number(row.i) - 1]!.push(toSource(row));
      return lists;
    },
    async chatsOf(sourceId) {
      const { rows } = await db.query(
        "SELECT platform, chat_id FROM chat_sources WHERE source_id = $1 ORDER BY seq",
        [sourceId],
      );
      return rows.map((r) => ({
        platform: r.platform as ChatRef["platform"],
        chatId: String(r.chat_id),
      }));
    },
    async claimDue({ holder, now, limit, leaseMs }) {
      // SKIP LOCKED: a row another process is claiming right now is left to it, not waited for.
      const { rows } = await db.query(
        `WITH due AS (
          SELECT id FROM sources
          WHERE active AND kind <> 'dir'
            AND (state_json->>'nextPollAt' IS NULL OR (state_json->>'nextPollAt')::timestamptz <= $2)
            AND (claim_until IS NULL OR claim_until <= $2)
          ORDER BY (state_json->>'nextPollAt')::timestamptz NULLS FIRST, seq
          LIMIT $4 FOR UPDATE SKIP LOCKED
        ), claimed AS (
          UPDATE sources s SET claimed_by = $1, claim_until = $3
          FROM due WHERE s.id = due.id RETURNING s.*
        )
        SELECT ${COLUMNS} FROM claimed s
        ORDER BY (s.state_json->>'nextPollAt')::timestamptz NULLS FIRST, s.seq`,
        [holder, now, new Date(now.getTime() + leaseMs), limit],
      );
      return rows.map(toSource);
    },
    releaseClaim: (id, holder) =>
      changed(
        "UPDATE sources SET claimed_by = NULL, claim_until = NULL WHERE id = $1 AND claimed_by = $2",
        [id, holder],
      ),
    async reserveHostStart(host, now, intervalMs) {
      const { rows } = await db.query(
        `INSERT INTO host_slots AS h (host, next_start_at)
          VALUES ($1, $2::timestamptz + $3 * interval '1 millisecond')
        ON CONFLICT (host) DO UPDATE
          SET next_start_at = GREATEST(h.next_start_at, $2::timestamptz) + $3 * interval '1 millisecond'
        RETURNING next_start_at - $3 * interval '1 millisecond' AS start`,
        [host, now, intervalMs],
      );
      return new Date(pgTime.parse(rows[0]?.start));
    },
  };
}
