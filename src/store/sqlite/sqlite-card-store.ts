import type { Database, Statement } from "better-sqlite3";
import { z } from "zod";
import { FactCard } from "../../model/index.js";
import { cardSearchText, rankSearch, suggestionRank } from "../card-text.js";
import { parseTerms, termProbes, tokenize } from "../match-terms.js";
import { jsonColumn, parseRow } from "./parse-row.js";
import type { SyncCardStore } from "../sync-ports.js";

const CardRow = z.object({ id: z.string(), json: jsonColumn(FactCard) });
const COLUMNS = "id, json";
const NEWEST = "ORDER BY arrived_at DESC, seq DESC";

const toCard = (row: unknown): FactCard =>
  parseRow(CardRow, "cards", String((row as { id?: unknown }).id), row).json;

interface SearchRow {
  id: string;
  title: string;
  search_text: string;
}

const rowTokens = (row: SearchRow) => ({
  title: tokenize(row.title),
  all: tokenize(row.search_text),
});

export function createSqliteCardStore(db: Database): SyncCardStore {
  const q = {
    current: db.prepare("SELECT id, json, seq, arrived_at FROM cards WHERE id = ?"),
    legacy: db.prepare("SELECT old_id, arrived_at FROM cards_legacy WHERE source = ? LIMIT 1"),
    dropLegacy: db.prepare("DELETE FROM cards_legacy WHERE old_id = ?"),
    moveReceipts: db.prepare("UPDATE OR IGNORE received SET card_id = ? WHERE card_id = ?"),
    deleteId: db.prepare("DELETE FROM cards WHERE id = ?"),
    insert: db.prepare(`INSERT INTO cards (seq, id, source_id, item_key, date, title, search_text,
      arrived_at, json) VALUES (@seq, @id, @sourceId, @key, @date, @title, @searchText, @arrivedAt,
      @json)`),
    removeItem: db.prepare("DELETE FROM cards WHERE source_id = ? AND item_key = ?"),
    retain: db.prepare("DELETE FROM cards WHERE source_id = ? AND arrived_at < ?"),
    items: db.prepare(
      "SELECT item_key AS key, id FROM cards WHERE source_id = ? ORDER BY item_key",
    ),
    count: db.prepare("SELECT COUNT(*) AS n FROM cards"),
    latest: db.prepare(`SELECT ${COLUMNS} FROM cards ${NEWEST} LIMIT ? OFFSET ?`),
    exact: db.prepare(`SELECT ${COLUMNS} FROM cards WHERE id = ?`),
    prefix: db.prepare(`SELECT ${COLUMNS} FROM cards WHERE id GLOB ? LIMIT 2`),
    titles: db.prepare(`SELECT id, title FROM cards ${NEWEST}`),
    unreceived: db.prepare(`SELECT ${COLUMNS} FROM cards c
      WHERE (@since IS NULL OR c.arrived_at >= @since)
        AND (@sources IS NULL OR c.source_id IN (SELECT value FROM json_each(@sources)))
        AND NOT EXISTS (SELECT 1 FROM received r WHERE r.platform = @platform
          AND r.chat_id = @chatId AND r.thread_id = @threadId AND r.card_id = c.id)
      ${NEWEST} LIMIT @limit OFFSET @offset`),
  };
  const searches = new Map<number, Statement<unknown[]>>();
  const searchFor = (n: number) => {
    let statement = searches.get(n);
    if (statement === undefined) {
      const where = Array.from({ length: n }, () => "instr(search_text, ?) > 0").join(" AND ");
      statement = db.prepare<unknown[]>(
        `SELECT id, title, search_text FROM cards WHERE ${where} ${NEWEST}`,
      );
      searches.set(n, statement);
    }
    return statement;
  };

  const upsert = db.transaction((card: FactCard, arrivedAt: Date) => {
    const json = JSON.stringify(card);
    const current = q.current.get(card.id) as
      { id: string; json: string; seq: number; arrived_at: string } | undefined;
    if (current?.json === json) return "unchanged" as const;
    // A changed text keeps its card's arrival: the id is the item's, and readers had it already.
    let arrived = current?.arrived_at;
    if (current === undefined) {
      const legacy = q.legacy.get(card.key) as { old_id: string; arrived_at: string } | undefined;
      if (legacy !== undefined) {
        arrived = legacy.arrived_at;
        q.moveReceipts.run(card.id, legacy.old_id);
        q.dropLegacy.run(legacy.old_id);
      }
    }
    q.deleteId.run(card.id);
    q.insert.run({
      seq: current?.seq ?? null,
      id: card.id,
      sourceId: card.sourceId,
      key: card.key,
      date: card.date,
      title: card.title,
      searchText: cardSearchText(card),
      arrivedAt: arrived ?? arrivedAt.toISOString(),
      json,
    });
    return current !== undefined ? "replaced" : "inserted";
  });

  return {
    upsert: (card, arrivedAt) => upsert(card, arrivedAt),
    removeItem: (sourceId, key) => q.removeItem.run(sourceId, key).changes > 0,
    items: (sourceId) => q.items.all(sourceId) as Array<{ key: string; id: string }>,
    count: () => (q.count.get() as { n: number }).n,
    latest: ({ limit, offset }) => q.latest.all(limit, offset).map(toCard),
    get(idOrPrefix) {
      const key = idOrPrefix.trim().toLowerCase();
      const exact = q.exact.get(key);
      if (exact !== undefined) return toCard(exact);
      // Card ids are hex; anything else cannot be a prefix (and must not reach GLOB).
      if (key.length < 4 || !/^[0-9a-f]+$/.test(key)) return undefined;
      const rows = q.prefix.all(`${key}*`);
      return rows.length === 1 ? toCard(rows[0]) : undefined;
    },
    search(query, limit) {
      // SQL narrows to rows holding every term's shortest stem; whole-word matching is in JS.
      const probes = [...new Set(parseTerms(query).flatMap(termProbes))];
      if (probes.length === 0) return [];
      const rows = searchFor(probes.length).all(...(probes as unknown[])) as SearchRow[];
      // Ranked on the stored text; only the cards shown are parsed.
      const ranked = rankSearch(rows, query, rowTokens, limit);
      return ranked.map((row) => toCard(q.exact.get(row.id)));
    },
    suggest(prefix, limit) {
      const rows = q.titles.all() as Array<{ id: string; title: string }>;
      return rows
        .map((row) => ({ row, rank: suggestionRank(row, prefix) }))
        .filter(
          (x): x is { row: { id: string; title: string }; rank: number } => x.rank !== undefined,
        )
        .sort((a, b) => a.rank - b.rank)
        .slice(0, limit)
        .map(({ row }) => ({ id: row.id, title: row.title }));
    },
    retainCards: (sourceId, olderThan) => q.retain.run(sourceId, olderThan.toISOString()).changes,
    unreceived: (target, { arrivedSince, sourceIds, limit, offset }) =>
      q.unreceived
        .all({
          since: arrivedSince ?? null,
          sources: sourceIds === undefined ? null : JSON.stringify(sourceIds),
          platform: target.platform,
          chatId: target.chatId,
          threadId: target.threadId ?? "",
          limit,
          offset,
        })
        .map(toCard),
  };
}
