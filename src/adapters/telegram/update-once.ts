import type { Bot } from "grammy";
import type { Logger } from "../../lib/index.js";

/** Where a process records the updates it handles, shared by every process of the bot. */
export interface UpdateLedger {
  /** True for the first process to claim `key`; false for every later claim. */
  claim(key: string): Promise<boolean>;
}

/**
 * The first middleware: an update another process (or an earlier delivery) already claimed is
 * dropped. When the ledger cannot answer the update is handled anyway: a rare double reply beats
 * a lost command.
 */
export function handleUpdatesOnce(bot: Bot, ledger: UpdateLedger, log: Logger): void {
  bot.use(async (ctx, next) => {
    const key = `telegram:${ctx.me.id}:${ctx.update.update_id}`;
    let first = true;
    try {
      first = await ledger.claim(key);
    } catch (error) {
      log.warn({ err: error, updateId: ctx.update.update_id }, "update ledger unavailable");
    }
    if (!first) {
      log.debug({ updateId: ctx.update.update_id }, "update handled elsewhere; skipped");
      return;
    }
    await next();
  });
}
