import { initialSourceState, type SourceRow } from "../../model/index.js";
import type { ChatRef } from "../ports.js";
import type { SyncSourceStore } from "../sync-ports.js";

interface Link {
  chat: ChatRef;
  sourceId: string;
  seq: number;
}

const chatKey = (chat: ChatRef) => `${chat.platform}:${chat.chatId}`;

/** Soonest due first (never polled = now), then the older source: the order of every engine. */
const dueAt = (row: SourceRow) =>
  row.state.nextPollAt === null ? -Infinity : Date.parse(row.state.nextPollAt);

/** Sources and chat links in Maps; rows are cloned in and out like rows of a table. */
export function createMemorySourceStore(): SyncSourceStore {
  const rows = new Map<string, SourceRow>();
  const claims = new Map<string, { holder: string; until: number }>();
  const hostNext = new Map<string, number>();
  const links = new Map<string, Link>();
  let seq = 0;
  const linkKey = (chat: ChatRef, sourceId: string) => `${chatKey(chat)}\n${sourceId}`;

  return {
    add(input, now) {
      const current = rows.get(input.id);
      if (current !== undefined) return { source: structuredClone(current), created: false };
      const row: SourceRow = {
        ...structuredClone(input),
        state: structuredClone(input.state ?? initialSourceState(input.url)),
        active: true,
        createdAt: now.toISOString(),
      };
      rows.set(row.id, row);
      return { source: structuredClone(row), created: true };
    },
    get: (id) => {
      const row = rows.get(id);
      return row === undefined ? undefined : structuredClone(row);
    },
    list: () => [...rows.values()].map((r) => structuredClone(r)),
    saveState(id, state, title) {
      const row = rows.get(id);
      if (row === undefined) return false;
      row.state = structuredClone(state);
      if (title !== undefined) row.title = title;
      return true;
    },
    setActive(id, active) {
      const row = rows.get(id);
      if (row === undefined) return false;
      row.active = active;
      return true;
    },
    remove(id) {
      claims.delete(id);
      for (const [key, link] of links) if (link.sourceId === id) links.delete(key);
      return rows.delete(id);
    },
    link(chat, sourceId, _now) {
      const key = linkKey(chat, sourceId);
      if (links.has(key)) return false;
      links.set(key, {
        chat: { platform: chat.platform, chatId: chat.chatId },
        sourceId,
        seq: ++seq,
      });
      return true;
    },
    unlink: (chat, sourceId) => links.delete(linkKey(chat, sourceId)),
    forChat: (chat) =>
      [...links.values()]
        .filter((l) => chatKey(l.chat) === chatKey(chat))
        .sort((a, b) => a.seq - b.seq)
        .map((l) => rows.get(l.sourceId))
        .filter((r): r is SourceRow => r !== undefined)
        .map((r) => structuredClone(r)),
    chatsOf: (sourceId) =>
      [...links.values()]
        .filter((l) => l.sourceId === sourceId)
        .sort((a, b) => a.seq - b.seq)
        .map((l) => ({ ...l.chat })),
    claimDue({ holder, now, limit, leaseMs }) {
      const t = now.getTime();
      const due = [...rows.values()]
        .filter((r) => r.active && r.kind !== "dir" && dueAt(r) <= t)
        .filter((r) => (claims.get(r.id)?.until ?? -Infinity) <= t)
        .sort((a, b) => dueAt(a) - dueAt(b))
        .slice(0, limit);
      for (const r of due) claims.set(r.id, { holder, until: t + leaseMs });
      return due.map((r) => structuredClone(r));
    },
    releaseClaim(id, holder) {
      if (claims.get(id)?.holder !== holder) return false;
      return claims.delete(id);
    },
    reserveHostStart(host, now, intervalMs) {
      const start = Math.max(now.getTime(), hostNext.get(host) ?? -Infinity);
      hostNext.set(host, start + intervalMs);
      return new Date(start);
    },
  };
}
