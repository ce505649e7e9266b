import type { SourceCommands, SourceView } from "../delivery/index.js";
import type { Clock } from "../lib/index.js";
import { initialSourceState, type SourceRow } from "../model/index.js";
import type { Store } from "../store/index.js";
import type { SourcePoller } from "./poll-source.js";
import { parseSourceUrl, resolveSource, type ResolveDeps } from "./resolve-source.js";

export interface SourceCommandsDeps extends ResolveDeps {
  store: Store;
  clock: Clock;
  poller: SourcePoller;
  maxPerChat?: number;
}

/** The fetcher stores `code: code: message (url)`; the list already shows the URL. */
const readableError = (error: string | null, url: string) =>
  error
    ?.replace(/^([\w-]+): \1: /, "$1: ")
    .replace(` (${url})`, "")
    .trim() ?? null;

export function sourceView(source: SourceRow, n: number): SourceView {
  const { state } = source;
  const status = !source.active
    ? "disabled"
    : state.failingSince !== null
      ? "failing"
      : state.lastSuccessAt === null && source.kind !== "dir"
        ? "new"
        : "ok";
  return {
    n,
    id: source.id,
    url: source.url,
    kind: source.kind,
    title: source.title,
    status,
    newestTitle: state.newestTitle,
    newestAt: state.newestAt,
    failingSince: state.failingSince,
    lastError: readableError(state.lastError, source.url),
  };
}

/** Sources per chat: resolved and checked through the guarded client, read once when added. */
export function createSourceCommands(deps: SourceCommandsDeps): SourceCommands {
  const { store, clock } = deps;
  const maxPerChat = deps.maxPerChat ?? 50;

  async function listFor(chat: Parameters<SourceCommands["sources"]>[0]) {
    const own = await store.sources.forChat(chat);
    if (own.length > 0) return { own: true, rows: own };
    const operator = (await store.sources.list()).filter((s) => s.addedBy === null);
    return { own: false, rows: operator };
  }

  return {
    async sources(chat) {
      const { own, rows } = await listFor(chat);
      return { own, sources: rows.map((row, i) => sourceView(row, i + 1)) };
    },

    async addSource(chat, input) {
      if (parseSourceUrl(input) === undefined) {
        return { ok: false, error: "give a link starting with http:// or https://" };
      }
      const own = await store.sources.forChat(chat);
      if (own.length >= maxPerChat) {
        return {
          ok: false,
          error: `this chat already has ${own.length} sources; remove one with /removesource`,
        };
      }
      const resolved = await resolveSource(deps, input);
      if (!resolved.ok) return resolved;
      const id = `${resolved.kind}:${resolved.url}`;
      const known = own.find((s) => s.id === id);
      if (known !== undefined) {
        return {
          ok: true,
          source: sourceView(known, own.indexOf(known) + 1),
          alreadyAdded: true,
          firstOwn: false,
        };
      }
      const now = clock.now();
      const { source, created } = await store.sources.add(
        { id, url: resolved.url, kind: resolved.kind, title: resolved.title, addedBy: chat },
        now,
      );
      // Added again after being disabled: start over, as a fresh source.
      if (!source.active) {
        await store.sources.setActive(id, true);
        await store.sources.saveState(id, {
          ...initialSourceState(source.url),
          seen: source.state.seen,
        });
      }
      await store.sources.link(chat, id, now);
      let current = (await store.sources.get(id)) ?? source;
      if (created || current.state.lastSuccessAt === null) {
        await deps.poller.poll(current);
        current = (await store.sources.get(id)) ?? current;
      }
      return {
        ok: true,
        source: sourceView(current, own.length + 1),
        alreadyAdded: false,
        firstOwn: own.length === 0,
      };
    },

    async removeSource(chat, which) {
      const { own, rows } = await listFor(chat);
      if (!own) return { ok: false, error: "this chat has no sources of its own; see /sources" };
      const text = which.trim();
      const index = /^\d+$/.test(text)
        ? Number(text) - 1
        : rows.findIndex((s) => s.url === text || s.id === text);
      const row = rows[index];
      if (row === undefined)
        return { ok: false, error: `no source "${text}" in this chat; see /sources` };
      await store.sources.unlink(chat, row.id);
      // Nobody reads it any more: stop polling it and drop its cards.
      if (row.addedBy !== null && (await store.sources.chatsOf(row.id)).length === 0) {
        await store.sources.remove(row.id);
        await store.cards.retainCards(row.id, new Date(clock.now().getTime() + 1));
      }
      return { ok: true, removed: sourceView(row, index + 1) };
    },
  };
}
