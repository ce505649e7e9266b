import type { MessagePort } from "node:worker_threads";
import type { DigestResult } from "../../digest/index.js";
import type { DigestTask, WorkerMessage } from "./worker-messages.js";

export type DigestFn = (
  article: { source: string; text: string },
  budgetMs: number,
) => DigestResult;

/** The worker side of the pool: answers each task on `port`, then says it is ready for more. */
export function serveDigests(port: MessagePort, digest: DigestFn): void {
  port.on("message", (task: DigestTask) => {
    const result = digest({ source: task.source, text: task.text }, task.budgetMs);
    const reply: WorkerMessage = result.ok
      ? { type: "carded", id: task.id, card: result.card }
      : { type: "skipped", id: task.id, reason: result.error.reason };
    port.postMessage(reply);
  });
  port.postMessage({ type: "ready" } satisfies WorkerMessage);
}
