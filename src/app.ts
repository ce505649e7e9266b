import { createDiscordBot, registerCommands, type DiscordBot } from "./adapters/discord/index.js";
import { createTelegramBot, type TelegramBotHandle } from "./adapters/telegram/index.js";
import type { Config } from "./config.js";
import { createArticleSync } from "./pipeline/index.js";
import { createDirectorySource } from "./sources/index.js";
import { createBotBackend, createDeliveryEngine, type DeliveryChannel } from "./delivery/index.js";
import { createScheduler } from "./delivery/schedule/index.js";
import { systemClock, type Clock } from "./lib/clock.js";
import type { Logger } from "./lib/logger.js";
import { createSqliteStore, openDatabase } from "./store/index.js";

export interface AppDeps {
  config: Config;
  logger: Logger;
  clock?: Clock;
}

export interface App {
  /** Starts everything; resolves once the bots, the scheduler and delivery are running. */
  start(): Promise<void>;
  /** Idempotent: stops ticking, lets in-flight sends finish, stops the bots, closes the database. */
  stop(): Promise<void>;
  /** Resolves with the process exit code once the app has stopped (by stop(), or a fatal error). */
  readonly done: Promise<number>;
}

/**
 * Composition root, the only file that knows every module: store, article sync, bots, delivery
 * engine and scheduler, started in dependency order and stopped in reverse.
 */
export function createApp({ config, logger, clock = systemClock }: AppDeps): App {
  let exitCode = 0;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));
  let stopping: Promise<void> | undefined;
  let teardown: () => Promise<void> = async () => {};

  const stop = (code = 0): Promise<void> => {
    exitCode = Math.max(exitCode, code);
    stopping ??= teardown()
      .catch((error: unknown) => {
        logger.error({ err: error }, "error while stopping");
        exitCode = Math.max(exitCode, 1);
      })
      .finally(() => resolveDone(exitCode));
    return stopping;
  };

  async function start(): Promise<void> {
    const db = openDatabase(config.DATABASE_PATH, { logger });
    const store = createSqliteStore(db);
    const sync = createArticleSync({
      source: createDirectorySource(config.ARTICLES_DIR, config.MAX_ARTICLE_BYTES, {
        allowHardlinks: config.ALLOW_HARDLINKS,
      }),
      cards: store.cards,
      clock,
      logger,
      intervalMs: config.RESCAN_INTERVAL,
    });
    const refresh = () =>
      void scheduler.refresh().catch((error: unknown) => {
        logger.error({ err: error }, "could not reload subscriptions");
      });
    const backend = createBotBackend({ store, clock, onChange: refresh });

    let telegram: TelegramBotHandle | undefined;
    let discord: DiscordBot | undefined;
    if (config.TELEGRAM_BOT_TOKEN) {
      telegram = createTelegramBot({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        testEnv: config.TELEGRAM_TEST_ENV,
        webhook: config.TELEGRAM_WEBHOOK_URL
          ? {
              url: config.TELEGRAM_WEBHOOK_URL,
              port: config.TELEGRAM_WEBHOOK_PORT,
              secretToken: config.TELEGRAM_WEBHOOK_SECRET,
            }
          : undefined,
        backend,
        logger: logger.child({ platform: "telegram" }),
      });
    }
    if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
      discord = createDiscordBot({
        token: config.DISCORD_TOKEN,
        applicationId: config.DISCORD_APPLICATION_ID,
        guildId: config.DISCORD_GUILD_ID,
        apiRoot: config.DISCORD_API_ROOT,
        backend,
        logger: logger.child({ platform: "discord" }),
        commandStore: store.kv,
      });
    }
    const channels: DeliveryChannel[] = [];
    if (telegram) channels.push(telegram.channel);
    if (discord) channels.push(discord.channel);

    const engine = createDeliveryEngine({
      store,
      channels,
      clock,
      logger: logger.child({ part: "delivery" }),
      options: {
        deactivateAfter: config.DEACTIVATE_AFTER,
        ledgerRetentionMs: config.LEDGER_RETENTION,
      },
      onFatal: (error) => {
        logger.fatal({ err: error }, "delivery stopped");
        void stop(1);
      },
      onChange: refresh,
    });
    const scheduler = createScheduler({
      store: store.subscriptions,
      onSlot: engine.onSlot,
      clock,
      logger: logger.child({ part: "scheduler" }),
      catchupGraceMs: config.CATCHUP_GRACE,
    });

    teardown = async () => {
      sync.stop();
      await scheduler.stop();
      await engine.stop();
      await Promise.all([telegram?.stop(), discord?.stop()]);
      db.close();
      logger.info("stopped");
    };

    try {
      const report = await sync.scan();
      logger.info(
        { cards: await store.cards.count(), skipped: report.skipped.length },
        "articles loaded",
      );
      engine.start();
      // Wait for both bots either way, so a failed one never leaves the other half-connected.
      const started = await Promise.allSettled([telegram?.start(), discord?.start()]);
      const failed = started.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw failed.reason;
      await scheduler.start();
      sync.start();
    } catch (error) {
      logger.fatal({ err: error }, "could not start");
      await stop(1);
      return;
    }
    void telegram?.done.then((error) => {
      if (error) {
        logger.fatal({ err: error }, "the Telegram bot stopped");
        void stop(1);
      }
    });
    logger.info(
      { telegram: Boolean(telegram), discord: Boolean(discord), articles: config.ARTICLES_DIR },
      "running",
    );
  }

  return { start, stop: () => stop(0), done };
}

/** `npm run register-commands`: register Discord slash commands now (guild or global). */
export async function registerDiscordCommands(config: Config, logger: Logger): Promise<number> {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    logger.error("DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set to register commands");
    return 2;
  }
  const result = await registerCommands({
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    guildId: config.DISCORD_GUILD_ID,
    apiRoot: config.DISCORD_API_ROOT,
  });
  logger.info(result, "Discord commands registered");
  return 0;
}
