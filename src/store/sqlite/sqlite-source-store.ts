import type { Database } from "better-sqlite3";
import { z } from "zod";
import { initialSourceState, SourceKind, SourceState, type SourceRow } from "../../model/index.js";
import { sourceFromColumns } from "../row-columns.js";
import type { ChatRef, SourceClaimRequest } from "../ports.js";
import type { SyncSourceStore } from "../sync-ports.js";
import { jsonColumn, parseRow, sqliteBoolean } from "./parse-row.js";

const Row = z.object({
  id: z.string(),
  url: z.string(),
  kind: SourceKind,
  title: z.string().nullable(),
  added_by_platform: z.enum(["telegram", "discord", "console"]).nullable(),
  added_by_chat: z.string().nullable(),
  state_json: jsonColumn(SourceState),
  active: sqliteBoolean,
  created_at: z.string(),
});

const COLUMNS =
  "s.id, s.url, s.kind, s.title, s.added_by_platform, s.added_by_chat, s.state_json, s.active, s.created_at";

function toSource(raw: unknown): SourceRow {
  const row = parseRow(Row, "sources", String((raw as { id?: unknown }).id), raw);
  return sourceFromColumns(row);
}

export function createSqliteSourceStore(db: Database): SyncSourceStore {
  const q = {
    get: db.prepare(`SELECT ${COLUMNS} FROM sources s WHERE s.id = ?`),
    list: db.prepare(`SELECT ${COLUMNS} FROM sources s ORDER BY s.seq`),
    insert: db.prepare(`INSERT INTO sources (id, url, kind, title, added_by_platform,
      added_by_chat, state_json, active, created_at) VALUES (@id, @url, @kind, @title,
      @platform, @chatId, @state, 1, @createdAt)`),
    saveState: db.prepare("UPDATE sources SET state_json = ? WHERE id = ?"),
    saveStateTitle: db.prepare("UPDATE sources SET state_json = ?, title = ? WHERE id = ?"),
    setActive: db.prepare("UPDATE sources SET active = ? WHERE id = ?"),
    remove: db.prepare("DELETE FROM sources WHERE id = ?"),
    unlinkAll: db.prepare("DELETE FROM chat_sources WHERE source_id = ?"),
    link: db.prepare(`INSERT OR IGNORE INTO chat_sources (platform, chat_id, source_id, linked_at,
      seq) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM chat_sources))`),
    unlink: db.prepare(
      "DELETE FROM chat_sources WHERE platform = ? AND chat_id = ? AND source_id = ?",
    ),
    forChat: db.prepare(`SELECT ${COLUMNS} FROM chat_sources l JOIN sources s ON s.id = l.source_id
      WHERE l.platform = ? AND l.chat_id = ? ORDER BY l.seq`),
    chatsOf: db.prepare(
      "SELECT platform, chat_id FROM chat_sources WHERE source_id = ? ORDER BY seq",
    ),
    // ISO instants compare as text; a never-polled source (null) is due first.
    due: db.prepare(`SELECT ${COLUMNS} FROM sources s WHERE s.active = 1 AND s.kind <> 'dir'
      AND (json_extract(s.state_json, '$.nextPollAt') IS NULL
        OR json_extract(s.state_json, '$.nextPollAt') <= @now)
      AND (s.claim_until IS NULL OR s.claim_until <= @now)
      ORDER BY json_extract(s.state_json, '$.nextPollAt') IS NOT NULL,
        json_extract(s.state_json, '$.nextPollAt'), s.seq LIMIT @limit`),
    claim: db.prepare("UPDATE sources SET claimed_by = ?, claim_until = ? WHERE id = ?"),
    release: db.prepare(
      "UPDATE sources SET claimed_by = NULL, claim_until = NULL WHERE id = ? AND claimed_by = ?",
    ),
    reserve: db.prepare(`INSERT INTO host_slots (host, next_start_at) VALUES (@host, @now + @gap)
      ON CONFLICT (host) DO UPDATE SET next_start_at = MAX(next_start_at, @now) + @gap
      RETURNING next_start_at - @gap AS start`),
  };
  const claimDue = db.transaction((request: SourceClaimRequest) => {
    const rows = q.due.all({ now: request.now.toISOString(), limit: request.limit });
    const until = new Date(request.now.getTime() + request.leaseMs).toISOString();
    const claimed = rows.map(toSource);
    for (const source of claimed) q.claim.run(request.holder, until, source.id);
    return claimed;
  });
  const add = db.transaction((input: Parameters<SyncSourceStore["add"]>[0], now: Date) => {
    const current = q.get.get(input.id);
    if (current !== undefined) return { source: toSource(current), created: false };
    q.insert.run({
      id: input.id,
      url: input.url,
      kind: input.kind,
      title: input.title,
      platform: input.addedBy?.platform ?? null,
      chatId: input.addedBy?.chatId ?? null,
      state: JSON.stringify(input.state ?? initialSourceState(input.url)),
      createdAt: now.toISOString(),
    });
    return { source: toSource(q.get.get(input.id)), created: true };
  });
  const remove = db.transaction((id: string) => {
    q.unlinkAll.run(id);
    return q.remove.run(id).changes > 0;
  });
  return {
    add: (input, now) => add(input, now),
    get: (id) => {
      const row = q.get.get(id);
      return row === undefined ? undefined : toSource(row);
    },
    list: () => q.list.all().map(toSource),
    saveState: (id, state, title) =>
      (title === undefined
        ? q.saveState.run(JSON.stringify(state), id)
        : q.saveStateTitle.run(JSON.stringify(state), title, id)
      ).changes > 0,
    setActive: (id, active) => q.setActive.run(active ? 1 : 0, id).changes > 0,
    remove: (id) => remove(id),
    link: (chat: ChatRef, sourceId, now) =>
      q.link.run(chat.platform, chat.chatId, sourceId, now.toISOString()).changes > 0,
    unlink: (chat, sourceId) => q.unlink.run(chat.platform, chat.chatId, sourceId).changes > 0,
    forChat: (chat) => q.forChat.all(chat.platform, chat.chatId).map(toSource),
    chatsOf: (sourceId) =>
      (q.chatsOf.all(sourceId) as Array<{ platform: ChatRef["platform"]; chat_id: string }>).map(
        (r) => ({ platform: r.platform, chatId: r.chat_id }),
      ),
    claimDue: (request) => claimDue(request),
    releaseClaim: (id, holder) => q.release.run(id, holder).changes > 0,
    reserveHostStart(host, now, intervalMs) {
      const row = q.reserve.get({ host, now: now.getTime(), gap: intervalMs }) as { start: number };
      return new Date(row.start);
    },
  };
}
