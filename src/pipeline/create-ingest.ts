import { stat } from "node:fs/promises";
import { createLeaseHolder, type SourceCommands } from "../delivery/index.js";
import type { SourceRow } from "../model/index.js";
import { createDirectorySource, directorySourceId } from "../sources/index.js";
import type { IngestDeps } from "./ingest-options.js";
import { basicPageExtractor, type PageExtractor } from "./page-extractor.js";
import { createSourcePoller } from "./poll-source.js";
import { resolveSource } from "./resolve-source.js";
import { createSourceCommands } from "./source-commands.js";
import type { DigestFn } from "./card-for-article.js";
import {
  createArticleSync,
  type ArticleSync,
  type ArticleSyncFailures,
  type ScanReport,
} from "./sync-source.js";

export interface Ingest {
  /** Reads the operator's folders once; URLs are resolved and polled in the background (no network wait at start). */
  scan(): Promise<ScanReport>;
  start(): void;
  /** Idempotent: stops polling and rescanning, closes the HTTP client. */
  stop(): Promise<void>;
  /** Polls every active feed or page whose next poll is due (the timer calls this). */
  pollDue(): Promise<number>;
  readonly commands: SourceCommands;
}

export interface IngestOptions extends IngestDeps {
  /** SOURCES: URLs (feeds or pages) and folders of `*.txt` articles. */
  sources: readonly string[];
  maxArticleBytes: number;
  /** ALLOW_HARDLINKS: read regular files with more than one link. */
  allowHardlinks?: boolean;
  rescanMs: number;
  maxSourcesPerChat?: number;
  /** How often due sources are looked for. */
  tickMs?: number;
  /** Who claims due sources (unique per process; default `host:pid:random`). */
  holder?: string;
  /** How long a claimed source stays this process's; a dead process's claims come back after it. */
  claimLeaseMs?: number;
  /** Sources polled at once by this process. */
  pollConcurrency?: number;
  /** Where folder articles are carded (the worker pool in the app), and where failures are remembered. */
  digest?: DigestFn;
  failures?: ArticleSyncFailures;
}

const isUrl = (entry: string) => /^https?:\/\//i.test(entry);

/** Longer than any one poll (a feed plus its teaser pages, each spaced per host). */
const CLAIM_LEASE_MS = 10 * 60_000;

/** Folders by rescan, feeds and pages by polling; the one place ingest is put together. */
export function createIngest(options: IngestOptions): Ingest {
  const { store, clock, logger } = options;
  const extractPage: PageExtractor = options.extractPage ?? basicPageExtractor;
  const poller = createSourcePoller({ ...options, extractPage });
  const commands = createSourceCommands({
    store,
    clock,
    poller,
    http: options.http,
    extractPage,
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.maxSourcesPerChat ? { maxPerChat: options.maxSourcesPerChat } : {}),
  });
  const syncs: ArticleSync[] = [];
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<number> | undefined;
  let urlsRegistered: Promise<void> | undefined;

  async function register(entry: string): Promise<void> {
    const now = clock.now();
    if (isUrl(entry)) {
      const known = (await store.sources.list()).some((s) => s.url === entry && s.addedBy === null);
      if (known) return;
      const resolved = await resolveSource({ ...options, extractPage }, entry);
      // Unreachable now: kept as a feed, so polling retries and /sources shows why.
      const kind = resolved.ok ? resolved.kind : "feed";
      const url = resolved.ok ? resolved.url : entry;
      const title = resolved.ok ? resolved.title : null;
      if (!resolved.ok)
        logger.warn({ source: entry, reason: resolved.error }, "source not resolved");
      await store.sources.add({ id: `${kind}:${url}`, url, kind, title, addedBy: null }, now);
      return;
    }
    const info = await stat(entry).catch(() => undefined);
    if (!info?.isDirectory()) {
      logger.warn({ source: entry }, "not a folder or URL; the digest CLI reads single files");
      return;
    }
    const id = directorySourceId(entry);
    await store.sources.add({ id, url: entry, kind: "dir", title: entry, addedBy: null }, now);
    syncs.push(
      createArticleSync({
        source: createDirectorySource(entry, options.maxArticleBytes, {
          allowHardlinks: options.allowHardlinks ?? false,
        }),
        cards: store.cards,
        clock,
        logger,
        intervalMs: options.rescanMs,
        ...(options.digest ? { digest: options.digest } : {}),
        ...(options.failures ? { failures: options.failures } : {}),
      }),
    );
  }

  const registerUrls = () =>
    (urlsRegistered ??= (async () => {
      for (const entry of options.sources.filter(isUrl)) {
        await register(entry).catch((error: unknown) =>
          logger.error({ err: error, source: entry }, "could not register source"),
        );
      }
    })());

  const holder = options.holder ?? createLeaseHolder();
  const leaseMs = options.claimLeaseMs ?? CLAIM_LEASE_MS;

  /** Claims the next due source (so no other process polls it), or none when nothing is due. */
  async function claimNext(): Promise<SourceRow | undefined> {
    const request = { holder, now: clock.now(), limit: 1, leaseMs };
    const claimed = await store.sources.claimDue(request).catch((error: unknown) => {
      logger.error({ err: error }, "could not claim due sources");
      return [];
    });
    return claimed[0];
  }

  async function pollOnce(): Promise<number> {
    await registerUrls();
    let polled = 0;
    // One claim at a time per worker: processes share the due sources as they go. The host
    // limiter spaces requests per site; a few workers keep one slow site from holding the rest.
    const worker = async () => {
      for (let s = await claimNext(); s !== undefined; s = await claimNext()) {
        polled++;
        const source = s;
        const outcome = await poller.poll(source).catch((error: unknown) => {
          logger.error({ err: error, source: source.id }, "source poll failed");
          return undefined;
        });
        // Unreleased (the database is away), the claim simply expires.
        await store.sources
          .releaseClaim(source.id, holder)
          .catch((error: unknown) => logger.warn({ err: error, source: source.id }, "claim kept"));
        if (outcome && (outcome.added || outcome.replaced)) {
          logger.info({ source: source.id, ...outcome }, "source polled");
        } else if (outcome) logger.debug({ source: source.id, ...outcome }, "source polled");
      }
    };
    await Promise.all(Array.from({ length: options.pollConcurrency ?? 4 }, worker));
    return polled;
  }

  const pollDue = () => (polling ??= pollOnce().finally(() => (polling = undefined)));
  const tick = () => {
    void pollDue().finally(() => {
      if (timer) timer = setTimeout(tick, options.tickMs ?? 30_000).unref();
    });
  };

  return {
    commands,
    pollDue,
    async scan() {
      const report: ScanReport = { added: 0, replaced: 0, removed: 0, skipped: [] };
      for (const entry of options.sources.filter((e) => !isUrl(e))) await register(entry);
      for (const sync of syncs) {
        const one = await sync.scan();
        report.added += one.added;
        report.replaced += one.replaced;
        report.removed += one.removed;
        report.skipped.push(...one.skipped);
      }
      return report;
    },
    start() {
      if (timer) return;
      for (const sync of syncs) sync.start();
      timer = setTimeout(tick, 0).unref();
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      for (const sync of syncs) sync.stop();
      await polling?.catch(() => undefined);
      await options.http.close();
    },
  };
}
