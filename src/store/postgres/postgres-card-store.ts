import { z } from "zod";
import { FactCard } from "../../model/index.js";
import type { CardStore } from "../ports.js";
import { cardSearchText, rankSearch, suggestionRank } from "../card-text.js";
import { parseTerms, termProbes, tokenize } from "../match-terms.js";
import { parseRow } from "../parse-row.js";
import type { PgDb } from "./pg-db.js";
import { pgCount } from "./pg-row.js";

const CardRow = z.object({ id: z.string(), json: FactCard });
const COLUMNS = "id, json";
const NEWEST = "ORDER BY arrived_at DESC, seq DESC";

interface SearchRow {
  id: string;
  title: string;
  search_text: string;
  json: unknown;
}

const rowTokens = (row: SearchRow) => ({
  title: tokenize(row.title),
  all: tokenize(row.search_text),
});

const toCard = (row: Record<string, unknown>): FactCard =>
  parseRow(CardRow, "cards", String(row.id), row).json;

export function createPostgresCardStore(db: PgDb): CardStore {
  return {
    async upsert(card, arrivedAt) {
      // A changed text keeps its card's arrival (and seq): the id is the item's, readers had it.
      // xmax = 0 only on a freshly inserted row; no row back means the stored card was the same.
      const { rows } = await db.query(
        `INSERT INTO cards (id, source_id, item_key, date, title, search_text, arrived_at, json)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (id) DO UPDATE SET source_id = excluded.source_id,
          item_key = excluded.item_key, date = excluded.date, title = excluded.title,
          search_text = excluded.search_text, json = excluded.json
        WHERE cards.json IS DISTINCT FROM excluded.json
        RETURNING (xmax = 0) AS inserted`,
        [
          card.id,
          card.sourceId,
          card.key,
          card.date,
          card.title,
          cardSearchText(card),
          arrivedAt,
          JSON.stringify(card),
        ],
      );
      const row = rows[0];
      if (row === undefined) return "unchanged";
      return row.inserted === true ? "inserted" : "replaced";
    },
    async removeItem(sourceId, key) {
      const r = await db.query("DELETE FROM cards WHERE source_id = $1 AND item_key = $2", [
        sourceId,
        key,
      ]);
      return r.rowCount > 0;
    },
    async items(sourceId) {
      const { rows } = await db.query(
        "SELECT item_key AS key, id FROM cards WHERE source_id = $1 ORDER BY item_key",
        [sourceId],
      );
      return rows.map((r) => ({ key: String(r.key), id: String(r.id) }));
    },
    async count() {
      const { rows } = await db.query("SELECT COUNT(*) AS n FROM cards");
      return pgCount.parse(rows[0]?.n);
    },
    async latest({ limit, offset }) {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM cards ${NEWEST} LIMIT $1 OFFSET $2`, [
        limit,
        offset,
      ]);
      return rows.map(toCard);
    },
    async get(idOrPrefix) {
      const key = idOrPrefix.trim().toLowerCase();
      const exact = await db.query(`SELECT ${COLUMNS} FROM cards WHERE id = $1`, [key]);
      if (exact.rows[0] !== undefined) return toCard(exact.rows[0]);
      // Card ids are hex; anything else cannot be a prefix (and must not reach LIKE).
      if (key.length < 4 || !/^[0-9a-f]+$/.test(key)) return undefined;
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM cards WHERE id LIKE $1 LIMIT 2`, [
        `${key}%`,
      ]);
      return rows.length === 1 ? toCard(rows[0]!) : undefined;
    },
    async search(query, limit) {
      // SQL narrows to rows holding every term's shortest stem; whole-word matching is in JS.
      const probes = [...new Set(parseTerms(query).flatMap(termProbes))];
      if (probes.length === 0) return [];
      const where = probes.map((_, i) => `strpos(search_text, $${i + 1}) > 0`).join(" AND ");
      const { rows } = await db.query(
        `SELECT id, title, search_text, json FROM cards WHERE ${where} ${NEWEST}`,
        probes,
      );
      // Ranked on the stored text; only the cards shown are parsed.
      const ranked = rankSearch(rows as unknown as SearchRow[], query, rowTokens, limit);
      return ranked.map((row) => toCard({ id: row.id, json: row.json }));
    },
    async suggest(prefix, limit) {
      const { rows } = await db.query(`SELECT id, title FROM cards ${NEWEST}`);
      return rows
        .map((r) => ({ id: String(r.id), title: String(r.title) }))
        .map((row) => ({ row, rank: suggestionRank(row, prefix) }))
        .filter(
          (x): x is { row: { id: string; title: string }; rank: number } => x.rank !== undefined,
        )
        .sort((a, b) => a.rank - b.rank)
        .slice(0, limit)
        .map(({ row }) => row);
    },
    async retainCards(sourceId, olderThan) {
      const r = await db.query("DELETE FROM cards WHERE source_id = $1 AND arrived_at < $2", [
        sourceId,
        olderThan,
      ]);
      return r.rowCount;
    },
    async unreceived(target, { arrivedSince, sourceIds, limit, offset }) {
      const { rows } = await db.query(
        `SELECT ${COLUMNS} FROM cards c
        WHERE ($1::timestamptz IS NULL OR c.arrived_at >= $1::timestamptz)
          AND ($7::text[] IS NULL OR c.source_id = ANY($7::text[]))
          AND NOT EXISTS (SELECT 1 FROM received r WHERE r.platform = $2
            AND r.chat_id = $3 AND r.thread_id = $4 AND r.card_id = c.id)
        ${NEWEST} LIMIT $5 OFFSET $6`,
        [
          arrivedSince ?? null,
          target.platform,
          target.chatId,
          target.threadId ?? "",
          limit,
          offset,
          sourceIds === undefined ? null : [...sourceIds],
        ],
      );
      return rows.map(toCard);
    },
    async unreceivedMany(queries) {
      const pages: FactCard[][] = queries.map(() => []);
      if (queries.length === 0) return pages;
      // One LATERAL page per query; `req` says whose page a row belongs to, the order is kept.
      const { rows } = await db.query(
        `SELECT k.req, x.${COLUMNS.split(", ").join(", x.")}
        FROM jsonb_to_recordset($1::jsonb) AS k(req int, platform text, chat_id text,
          thread_id text, arrived_since timestamptz, source_ids text[], lim int, off int)
        CROSS JOIN LATERAL (SELECT ${COLUMNS}, arrived_at, seq FROM cards c
          WHERE (k.arrived_since IS NULL OR c.arrived_at >= k.arrived_since)
            AND (k.source_ids IS NULL OR c.source_id = ANY(k.source_ids))
            AND NOT EXISTS (SELECT 1 FROM received r WHERE r.platform = k.platform
              AND r.chat_id = k.chat_id AND r.thread_id = k.thread_id AND r.card_id = c.id)
          ${NEWEST} LIMIT k.lim OFFSET k.off) x
        ORDER BY k.req, x.arrived_at DESC, x.seq DESC`,
        [
          JSON.stringify(
            queries.map((q, req) => ({
              req,
              platform: q.target.platform,
              chat_id: q.target.chatId,
              thread_id: q.target.threadId ?? "",
              arrived_since: q.arrivedSince ?? null,
              source_ids: q.sourceIds === undefined ? null : [...q.sourceIds],
              lim: q.limit,
              off: q.offset,
            })),
          ),
        ],
      );
      for (const row of rows) pages[Number(row.req)]!.push(toCard(row));
      return pages;
    },
  };
}
