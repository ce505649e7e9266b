import type { SourceRow, SourceState } from "../model/index.js";
import {
  createFeedFetcher,
  feedItemToArticle,
  type FeedFetcher,
  type ParsedFeed,
} from "../sources/index.js";
import { cardForArticle } from "./card-for-article.js";
import { INGEST_DEFAULTS, type IngestDeps } from "./ingest-options.js";
import { itemHash } from "./item-hash.js";
import { markBacklog } from "./mark-backlog.js";
import { basicPageExtractor } from "./page-extractor.js";
import { readPage, withPageText, type PageReader } from "./read-page.js";

export interface PollOutcome {
  ok: boolean;
  added: number;
  replaced: number;
  skipped: number;
  /** True when this poll disabled the source. */
  disabled: boolean;
}

/** Polls one source at a time: a feed (conditional GET) or one article page. */
export interface SourcePoller {
  poll(source: SourceRow): Promise<PollOutcome>;
}

export function createSourcePoller(deps: IngestDeps): SourcePoller {
  const settings = { ...INGEST_DEFAULTS, ...definedOnly(deps) };
  const fetcher: FeedFetcher = createFeedFetcher({
    http: deps.http,
    clock: deps.clock,
    ...(deps.limiter ? { limiter: deps.limiter } : {}),
    pollMinMs: settings.pollMinMs,
    pollMaxMs: settings.pollMaxMs,
  });
  const reader: PageReader = {
    http: deps.http,
    ...(deps.limiter ? { limiter: deps.limiter } : {}),
    extractPage: deps.extractPage ?? basicPageExtractor,
  };
  const { store, clock, logger } = deps;

  async function storeItems(source: SourceRow, feed: ParsedFeed, state: SourceState) {
    const counts = { added: 0, replaced: 0, skipped: 0 };
    const now = clock.now();
    const seen: Record<string, string> = {};
    const fresh: string[] = [];
    let newest: string | null = null;
    for (const item of feed.items) {
      const hash = itemHash(item);
      seen[item.key] = hash;
      if (state.seen[item.key] === hash) continue;
      let article = feedItemToArticle(item, feed, source.id);
      if (item.isTeaser && settings.fetchPages === "auto") {
        article = (await withPageText(reader, article)).article;
      }
      const result = cardForArticle(article);
      if (!result.ok) {
        counts.skipped++;
        logger.debug(
          { source: source.id, item: item.key, reason: result.error.reason },
          "item skipped",
        );
        continue;
      }
      const outcome = await store.cards.upsert(result.card, now);
      if (outcome === "inserted") {
        counts.added++;
        fresh.push(result.card.id);
        newest ??= result.card.title;
      }
      if (outcome === "replaced") counts.replaced++;
    }
    const next: SourceState = {
      ...state,
      seen,
      ...(newest !== null ? { newestTitle: newest, newestAt: now.toISOString() } : {}),
    };
    return { counts, next, fresh };
  }

  async function readPageSource(source: SourceRow, state: SourceState) {
    const now = clock.now();
    const page = await readPage(reader, source.url, source.id);
    const polled = { ...state, lastPolledAt: now.toISOString() };
    if (!page.ok) {
      return {
        ok: false as const,
        error: page.error.reason,
        state: {
          ...polled,
          failures: state.failures + 1,
          failingSince: state.failingSince ?? now.toISOString(),
          lastError: page.error.reason,
          nextPollAt: new Date(now.getTime() + settings.pollMinMs).toISOString(),
        },
      };
    }
    // A page is one article: re-read rarely, in case it was corrected.
    const result = cardForArticle({ ...page.article, key: source.url, sourceId: source.id });
    const fresh: string[] = [];
    let title: string | null = null;
    if (result.ok && state.seen[source.url] !== result.card.contentHash) {
      if ((await store.cards.upsert(result.card, now)) === "inserted") fresh.push(result.card.id);
      title = result.card.title;
    }
    return {
      ok: true as const,
      fresh,
      state: {
        ...polled,
        lastSuccessAt: now.toISOString(),
        nextPollAt: new Date(now.getTime() + settings.pollMaxMs).toISOString(),
        failures: 0,
        failingSince: null,
        lastError: result.ok ? null : result.error.reason,
        seen: result.ok ? { [source.url]: result.card.contentHash } : state.seen,
        ...(title !== null ? { newestTitle: title, newestAt: now.toISOString() } : {}),
      },
    };
  }

  async function disableIfDue(source: SourceRow, state: SourceState): Promise<boolean> {
    if (state.failingSince === null) return false;
    const failingMs = clock.now().getTime() - Date.parse(state.failingSince);
    if (failingMs < settings.disableAfterMs || !source.active) return false;
    await store.sources.setActive(source.id, false);
    logger.warn({ source: source.id, since: state.failingSince }, "source disabled");
    const text = `The source ${source.title ?? source.url} has failed since ${state.failingSince.slice(0, 10)} (${state.lastError ?? "unknown error"}) and was turned off. Remove it with /removesource, or add it again later.`;
    const chats = await store.sources.chatsOf(source.id);
    for (const chat of chats) await deps.notify?.(chat, text);
    return true;
  }

  return {
    async poll(source) {
      const firstRead = source.state.lastSuccessAt === null;
      const outcome: PollOutcome = {
        ok: false,
        added: 0,
        replaced: 0,
        skipped: 0,
        disabled: false,
      };
      let state: SourceState;
      let fresh: string[] = [];
      let title: string | null | undefined;
      if (source.kind === "page") {
        const read = await readPageSource(source, source.state);
        state = read.state;
        outcome.ok = read.ok;
        if (read.ok) {
          fresh = read.fresh;
          outcome.added = fresh.length;
        }
      } else {
        const fetched = await fetcher.fetch(source.state);
        state = { ...source.state, ...fetched.state };
        outcome.ok = fetched.result.kind !== "failed";
        if (fetched.result.kind === "updated") {
          const stored = await storeItems(source, fetched.result.feed, state);
          Object.assign(outcome, stored.counts);
          state = stored.next;
          fresh = stored.fresh;
          title = fetched.result.feed.title ?? source.title;
        }
        if (outcome.ok) {
          const cutoff = new Date(clock.now().getTime() - settings.retainMs);
          await store.cards.retainCards(source.id, cutoff);
        }
      }
      await store.sources.saveState(source.id, state, title);
      if (firstRead && fresh.length > 0) await markBacklog(store, source, fresh, clock.now());
      if (!outcome.ok) outcome.disabled = await disableIfDue(source, state);
      return outcome;
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
