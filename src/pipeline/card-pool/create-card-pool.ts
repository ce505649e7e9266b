import os from "node:os";
import type { Worker } from "node:worker_threads";
import { ArticleError } from "../../lib/index.js";
import type { DigestResult } from "../../digest/index.js";
import { spawnWorker } from "./spawn-worker.js";
import { WorkerMessage } from "./worker-messages.js";

export interface CardPoolOptions {
  /** Worker threads; default one per core but one, at least 1, at most 4. */
  size?: number;
  /** Time one article may take in a worker before the worker is ended and the article skipped. */
  timeoutMs?: number;
  /** Heap of each worker: an article that needs more kills only its worker. */
  maxHeapMb?: number;
  /** The worker's entry module; tests pass a fake that hangs or hogs memory. */
  workerUrl?: URL;
}

export interface CardPool {
  /** The article's card, or a named error for it; never rejects. */
  digest(input: { source: string; text: string }): Promise<DigestResult>;
  /** Ends every worker; articles still waiting get an error. Idempotent. */
  close(): Promise<void>;
}

export const CARD_POOL_DEFAULTS = {
  size: Math.max(1, Math.min(4, os.availableParallelism() - 1)),
  timeoutMs: 2_000,
  maxHeapMb: 256,
  workerUrl: new URL(
    `./card-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`,
    import.meta.url,
  ),
} as const satisfies Required<CardPoolOptions>;

/** A worker that fails this many times in a row before it is ready means the pool cannot start. */
const MAX_FAILED_STARTS = 3;

interface Task {
  id: number;
  source: string;
  text: string;
  resolve: (result: DigestResult) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

const skipped = (source: string, reason: string): DigestResult => ({
  ok: false,
  error: new ArticleError(source, reason),
});

/**
 * Cards articles on worker threads, so a runaway article costs its worker, never the bot: past
 * `timeoutMs` or `maxHeapMb` the worker is ended, the article gets a named error, and a fresh
 * worker takes its place. Articles wait in one queue, first come first served.
 */
export function createCardPool(options: CardPoolOptions = {}): CardPool {
  const { size, timeoutMs, maxHeapMb, workerUrl } = { ...CARD_POOL_DEFAULTS, ...options };
  const queue: Task[] = [];
  const slots = new Set<Slot>();
  let nextId = 0;
  let failedStarts = 0;
  let broken: string | null = null;
  let closed = false;

  const finish = (slot: Slot, result: DigestResult) => {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    task?.resolve(result);
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.task || queue.length === 0) continue;
      const task = queue.shift()!;
      slot.task = task;
      // The worker's own budget ends most slow articles with its named error; the timer ends the rest.
      slot.timer = setTimeout(() => {
        finish(
          slot,
          skipped(task.source, `took longer than ${timeoutMs} ms to summarize; skipped`),
        );
        replace(slot);
      }, timeoutMs);
      slot.worker.postMessage({
        id: task.id,
        source: task.source,
        text: task.text,
        budgetMs: timeoutMs,
      });
    }
  };

  const failAll = (reason: string) => {
    for (const task of queue.splice(0)) task.resolve(skipped(task.source, reason));
  };

  const replace = (slot: Slot) => {
    slots.delete(slot);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (!closed && !broken) start();
  };

  const died = (slot: Slot, error: Error & { code?: string }) => {
    if (!slots.has(slot)) return;
    if (!slot.ready && ++failedStarts >= MAX_FAILED_STARTS) {
      broken = `the card pool could not start a worker: ${error.message}`;
      failAll(broken);
    }
    const reason =
      error.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? `needed more than ${maxHeapMb} MB of memory to summarize; skipped`
        : `crashed the summarizer (${error.message}); skipped`;
    if (slot.task) finish(slot, skipped(slot.task.source, reason));
    replace(slot);
  };

  const start = () => {
    const slot: Slot = {
      worker: spawnWorker(workerUrl, maxHeapMb),
      ready: false,
      task: null,
      timer: null,
    };
    slots.add(slot);
    slot.worker.on("message", (raw: unknown) => {
      const message = WorkerMessage.safeParse(raw);
      if (!message.success) return died(slot, new Error("the worker sent an unreadable message"));
      if (message.data.type === "ready") {
        slot.ready = true;
        failedStarts = 0;
      } else if (slot.task?.id === message.data.id) {
        const source = slot.task.source;
        finish(
          slot,
          message.data.type === "carded"
            ? { ok: true, card: message.data.card }
            : skipped(source, message.data.reason),
        );
      }
      dispatch();
    });
    slot.worker.on("error", (error) => died(slot, error));
    slot.worker.on("exit", (code) => died(slot, new Error(`the worker exited with code ${code}`)));
  };

  for (let i = 0; i < size; i++) start();

  return {
    digest(input) {
      if (closed) return Promise.resolve(skipped(input.source, "the card pool is closed"));
      if (broken) return Promise.resolve(skipped(input.source, broken));
      return new Promise((resolve) => {
        queue.push({ id: nextId++, source: input.source, text: input.text, resolve });
        dispatch();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      failAll("the card pool closed before this article was summarized");
      const ending = [...slots].map((slot) => {
        if (slot.task)
          finish(slot, skipped(slot.task.source, "the card pool closed while summarizing it"));
        slots.delete(slot);
        slot.worker.removeAllListeners();
        return slot.worker.terminate();
      });
      await Promise.all(ending);
    },
  };
}
