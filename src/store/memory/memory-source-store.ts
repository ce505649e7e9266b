import { initialSourceState, type SourceRow } from "../../model/index.js";
import type { ChatRef } from "../ports.js";
import type { SyncSourceStore } from "../sync-ports.js";

interface Link {
  chat: ChatRef;
  sourceId: string;
  seq: number;
}

const chatKey = (chat: ChatRef) => `${chat.platform}:${chat.chatId}`;

/** Sources and chat links in Maps; rows are cloned in and out like rows of a table. */
export function createMemorySourceStore(): SyncSourceStore {
  const rows = new Map<string, SourceRow>();
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
  };
}
