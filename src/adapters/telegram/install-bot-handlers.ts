import { limit } from "@grammyjs/ratelimiter";
import { GrammyError, type Bot, type BotError, type Context } from "grammy";
import type { BotBackend } from "../../delivery/index.js";
import type { Logger } from "../../lib/index.js";
import { cardCommands } from "./card-commands.js";
import { digestCommands } from "./digest-commands.js";
import { concurrentUpdates } from "./concurrent-updates.js";
import { echoHtml } from "./escape-html.js";
import { replyHtml } from "./reply-html.js";
import { settingsCommands } from "./settings-commands.js";
import { sourceCommands } from "./source-commands.js";
import { subscriptionCommands } from "./subscription-commands.js";
import { describeTelegramError } from "./telegram-errors.js";

export interface BotHandlerOptions {
  backend: BotBackend;
  log: Logger;
  token: string;
  rateLimit: { limit: number; timeFrameMs: number };
  /** Called once the token turns out to be invalid: nothing the bot does can work any more. */
  onFatal(error: Error): void;
  /** Polling: handle chats side by side. A webhook gets its concurrency from Telegram's connections. */
  concurrent: boolean;
}

const commandOf = (ctx: Context): string | undefined => {
  const entity = ctx.msg?.entities?.[0];
  const text = ctx.msg?.text;
  return entity?.type === "bot_command" && entity.offset === 0 && text
    ? text.slice(0, entity.length)
    : undefined;
};

/** Updates of different chats run side by side (at most this many at once), each chat's in order. */
const MAX_CONCURRENT_UPDATES = 64;

/**
 * Concurrency, the error boundary, the per-user rate limit, and the commands, in that order.
 * Returns `drain`, which resolves once every update taken has been handled.
 */
export function installBotHandlers(bot: Bot, options: BotHandlerOptions): () => Promise<void> {
  const { log, token } = options;
  const concurrency = concurrentUpdates({ max: MAX_CONCURRENT_UPDATES, log });
  if (options.concurrent) bot.use(concurrency.middleware);

  const handleError = async (err: BotError) => {
    const error = err.error;
    if (error instanceof GrammyError && error.error_code === 401) {
      options.onFatal(
        new Error("Telegram rejected the bot token (401 Unauthorized); check the token"),
      );
      return;
    }
    log.error(
      { updateId: err.ctx.update.update_id, error: describeTelegramError(error, token) },
      "update failed",
    );
    if (commandOf(err.ctx) === undefined) return;
    // Never leave a user's command unanswered, and never show them a stack trace.
    await replyHtml(
      err.ctx,
      "Sorry, something went wrong with that command. Please try again in a minute.",
    ).catch((replyError: unknown) =>
      log.warn(
        { error: describeTelegramError(replyError, token) },
        "could not report the failure to the chat",
      ),
    );
  };

  bot.catch(handleError);
  const guarded = bot.errorBoundary(handleError);

  guarded.filter(
    (ctx) => commandOf(ctx) !== undefined,
    limit({
      limit: options.rateLimit.limit,
      timeFrame: options.rateLimit.timeFrameMs,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      onLimitExceeded: (ctx: Context) => {
        replyHtml(
          ctx,
          "Slow down a little: too many commands at once. Try again in a few seconds.",
        ).catch((error: unknown) =>
          log.warn({ error: describeTelegramError(error, token) }, "slow-down reply failed"),
        );
      },
    }),
  );

  // Channel posts are the channel's own content, never commands to us.
  const chats = guarded.chatType(["private", "group", "supergroup"]);
  chats.use(cardCommands(options.backend), subscriptionCommands(options.backend));
  chats.use(sourceCommands(options.backend), settingsCommands(options.backend));
  chats.use(digestCommands(options.backend));
  // In private chats plain text is someone looking for help; in groups it is the group's talk.
  chats.chatType("private").on("message:text", async (ctx, next) => {
    if (commandOf(ctx) !== undefined) return next();
    await replyHtml(ctx, "I answer commands: try /latest for the newest cards, or /help for all.");
  });
  chats.on("message:entities:bot_command", async (ctx) => {
    const command = commandOf(ctx);
    if (command === undefined) return;
    const [name, addressee] = command.split("@");
    // In groups a bare /command may be meant for another bot; answer only what is addressed to us.
    const forUs =
      ctx.chat.type === "private" || addressee?.toLowerCase() === ctx.me.username.toLowerCase();
    if (forUs)
      await replyHtml(
        ctx,
        `I don't know ${echoHtml(name ?? command)}. See /help for what I can do.`,
      );
  });
  return concurrency.drain;
}
