import type { Context, MiddlewareFn } from "grammy";
import type { Logger } from "../../lib/index.js";

export interface ConcurrentUpdates {
  middleware: MiddlewareFn<Context>;
  /** Resolves once every update taken has been handled (before the database closes). */
  drain(): Promise<void>;
}

/**
 * Handles updates of different chats side by side, each chat's in order. grammY's polling awaits
 * every update before the next, so 3,000 users who send /subscribe at once waited for one another's
 * database commits and replies, one at a time. At most `max` updates run at once; past that the
 * polling loop waits. Errors are caught by the error boundary installed after this middleware.
 */
export function concurrentUpdates(options: { max: number; log: Logger }): ConcurrentUpdates {
  const chains = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  const middleware: MiddlewareFn<Context> = async (ctx, next) => {
    while (inFlight.size >= options.max) await Promise.race(inFlight);
    const key = String(ctx.chat?.id ?? ctx.from?.id ?? "");
    const run = (chains.get(key) ?? Promise.resolve())
      .then(() => next())
      .catch((error: unknown) =>
        options.log.error({ updateId: ctx.update.update_id, err: error }, "update failed"),
      );
    chains.set(key, run);
    inFlight.add(run);
    void run.finally(() => {
      inFlight.delete(run);
      if (chains.get(key) === run) chains.delete(key);
    });
  };
  return {
    middleware,
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
