import { stat } from "node:fs/promises";
import path from "node:path";
import type { FactCard } from "../card.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import { digestArticle } from "../digest-article.js";
import { listArticleFiles } from "./read-article-dir.js";
import { readArticleFile } from "./read-article-file.js";

/** Where cards go; the card store satisfies it. */
export interface CardSink {
  upsert(card: FactCard, arrivedAt: Date): "inserted" | "replaced" | "unchanged";
  removeBySource(source: string): boolean;
  sources(): Array<{ source: string; id: string }>;
}

export interface ScanReport {
  added: number;
  replaced: number;
  removed: number;
  skipped: Array<{ file: string; reason: string }>;
}

export interface ArticleSync {
  /** One pass over the folder: new and changed files become cards, deleted files drop theirs. */
  scan(): Promise<ScanReport>;
  start(): void;
  stop(): void;
}

/**
 * Keeps the card store in step with the articles folder by periodic rescans (portable, and a
 * half-written file is simply picked up on the next pass). Unchanged files (same size and mtime)
 * are not re-read.
 */
export function createArticleSync(deps: {
  dir: string;
  maxBytes: number;
  cards: CardSink;
  clock: Clock;
  logger: Logger;
  intervalMs: number;
}): ArticleSync {
  const seen = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ScanReport> | undefined;

  async function scanOnce(): Promise<ScanReport> {
    const report: ScanReport = { added: 0, replaced: 0, removed: 0, skipped: [] };
    const names = await listArticleFiles(deps.dir);
    const present = new Set(names);
    for (const name of names) {
      const info = await stat(path.join(deps.dir, name)).catch(() => undefined);
      const signature = info ? `${info.size}:${info.mtimeMs}` : "gone";
      if (seen.get(name) === signature) continue;
      seen.set(name, signature);
      const read = await readArticleFile(deps.dir, name, deps.maxBytes);
      const result = read.ok ? digestArticle(read.article) : read;
      if (!result.ok) {
        report.skipped.push({ file: name, reason: result.error.reason });
        deps.logger.warn({ file: name, reason: result.error.reason }, "article skipped");
        continue;
      }
      const outcome = deps.cards.upsert(result.card, deps.clock.now());
      if (outcome === "inserted") report.added++;
      if (outcome === "replaced") report.replaced++;
    }
    for (const { source } of deps.cards.sources()) {
      if (present.has(source)) continue;
      seen.delete(source);
      if (deps.cards.removeBySource(source)) report.removed++;
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
      .catch((error: unknown) =>
        deps.logger.error({ err: error, dir: deps.dir }, "article scan failed"),
      )
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
