import type { FactCard } from "../model/index.js";
import type { Clock } from "../lib/index.js";
import type { Logger } from "../lib/index.js";
import { cardForArticle, cardForArticleWith, type DigestFn } from "./card-for-article.js";
import type { ArticleSource } from "../sources/index.js";

/** Where cards go; the card store satisfies it. */
export interface CardSink {
  upsert(card: FactCard, arrivedAt: Date): Promise<"inserted" | "replaced" | "unchanged">;
  removeItem(sourceId: string, key: string): Promise<boolean>;
  items(sourceId: string): Promise<Array<{ key: string; id: string }>>;
}

export interface ScanReport {
  added: number;
  replaced: number;
  removed: number;
  skipped: Array<{ file: string; reason: string }>;
}

/** A key-value store (the store's kv) where failed articles are remembered. */
export interface ArticleSyncFailures {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ArticleSync {
  /** One pass over the folder: new and changed files become cards, deleted files drop theirs. */
  scan(): Promise<ScanReport>;
  start(): void;
  stop(): void;
}

/**
 * Keeps the card store in step with an article source by periodic rescans (portable, and a
 * half-written file is simply picked up on the next pass). Unchanged entries (same signature)
 * are not re-read; entries gone from the source drop their cards.
 */
export function createArticleSync(deps: {
  source: ArticleSource;
  cards: CardSink;
  clock: Clock;
  logger: Logger;
  intervalMs: number;
  /** Where card building runs; in process by default, the worker pool in the app. */
  digest?: DigestFn;
  /**
   * Remembers articles that failed, by signature: a file that crashed or timed out is not tried
   * again after a restart until it changes (no crash loop, no freeze per start).
   */
  failures?: ArticleSyncFailures;
}): ArticleSync {
  const seen = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ScanReport> | undefined;

  async function scanOnce(): Promise<ScanReport> {
    const report: ScanReport = { added: 0, replaced: 0, removed: 0, skipped: [] };
    const entries = await deps.source.list();
    const present = new Set(entries.map((e) => e.key));
    for (const { key: name, signature } of entries) {
      if (seen.get(name) === signature) continue;
      seen.set(name, signature);
      const failureKey = `failed:${deps.source.id}\n${name}`;
      const failed = await deps.failures?.get(failureKey);
      if (failed !== undefined && failed.startsWith(`${signature}\t`)) {
        const reason = `failed before, unchanged since: ${failed.slice(signature.length + 1)}`;
        report.skipped.push({ file: name, reason });
        deps.logger.warn({ file: name, reason }, "article skipped");
        continue;
      }
      const read = await deps.source.read(name);
      const result = !read.ok
        ? read
        : deps.digest
          ? await cardForArticleWith(read.article, deps.digest)
          : cardForArticle(read.article);
      if (!result.ok) {
        report.skipped.push({ file: name, reason: result.error.reason });
        deps.logger.warn({ file: name, reason: result.error.reason }, "article skipped");
        await deps.failures?.set(failureKey, `${signature}\t${result.error.reason}`);
        continue;
      }
      if (failed !== undefined) await deps.failures?.delete(failureKey);
      const outcome = await deps.cards.upsert(result.card, deps.clock.now());
      if (outcome === "inserted") report.added++;
      if (outcome === "replaced") report.replaced++;
    }
    // A folder's deleted file drops its card; a feed's items age out by retention instead.
    if (deps.source.removesGoneItems) {
      for (const { key } of await deps.cards.items(deps.source.id)) {
        if (present.has(key)) continue;
        seen.delete(key);
        if (await deps.cards.removeItem(deps.source.id, key)) report.removed++;
      }
    }
    if (report.added || report.replaced || report.removed)
      deps.logger.info(report, "articles synced");
    return report;
  }

  const scan = () => {
    running ??= scanOnce().finally(() => (running = undefined));
    return running;
  };

  const tick = () => {
    scan()
      .catch((error: unknown) => deps.logger.error({ err: error }, "article scan failed"))
      .finally(() => {
        if (timer) timer = setTimeout(tick, deps.intervalMs).unref();
      });
  };

  return {
    scan,
    start: () => {
      if (timer) return;
      timer = setTimeout(tick, deps.intervalMs).unref();
    },
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
