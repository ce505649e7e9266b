import { createDiscordBot, registerCommands, type DiscordBot } from "../adapters/discord/index.js";
import { createTelegramBot, type TelegramBotHandle } from "../adapters/telegram/index.js";
import { databaseUrl, type Config } from "../config.js";
import { createCardPool, type CardSink, type DigestFn, type Ingest } from "../pipeline/index.js";
import { ingestFromConfig } from "./ingest-from-config.js";
import {
  createBotBackend,
  createDeliveryEngine,
  type DeliveryChannel,
  type SourceCommands,
} from "../delivery/index.js";
import { createLeaseHolder, createScheduler } from "../delivery/index.js";
import { systemClock, type Clock } from "../lib/index.js";
import type { Logger } from "../lib/index.js";
import { openStore, type ChangeFeed, type Store } from "../store/index.js";
import { ROLES, type Role } from "./roles.js";
import { discordShardLeases, telegramPollLease, type BotLeaseDeps } from "./bot-leases.js";
import type { LeaseKeeper } from "./lease-keeper.js";
import { startHttpEndpoint } from "./start-http-endpoint.js";
import { startUpdatePruner } from "./update-pruner.js";

export interface AppDeps {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** What this process does (default: everything, one process). */
  roles?: ReadonlySet<Role>;
}

export interface App {
  /** Starts this process's roles; resolves once they are running. */
  start(): Promise<void>;
  /** Idempotent: stops ticking, lets in-flight sends finish, stops the bots, closes the database. */
  stop(): Promise<void>;
  /** Resolves with the process exit code once the app has stopped (by stop(), or a fatal error). */
  readonly done: Promise<number>;
}

/**
 * Composition root, the only place that knows every module. Each role builds only its parts:
 * `ingest` keeps cards in step with the sources, `bots` answers commands, `deliver` schedules
 * and sends digests (it needs the platforms' send channels, not their update loops).
 */
export function createApp({
  config,
  logger,
  clock = systemClock,
  roles = new Set(ROLES),
}: AppDeps): App {
  let exitCode = 0;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));
  let stopping: Promise<void> | undefined;
  let stopped = false;
  const cleanups: Array<() => Promise<void> | void> = [];

  // Teardown runs whatever start() built so far, in reverse: a stop during start-up is safe.
  const teardown = async () => {
    stopped = true;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    logger.info("stopped");
  };
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
    const db = await openStore({ databaseUrl: databaseUrl(config), clock, logger });
    cleanups.push(() => db.close());
    const store = db.store;
    // On Postgres, changes made by other processes arrive here too (LISTEN/NOTIFY).
    const changes = db.changes;
    // Cards are built in worker threads: no article can stall replies, delivery or the lease.
    const pool = roles.has("ingest") ? createCardPool() : undefined;
    if (pool) cleanups.push(() => pool.close());
    // Built in every role: the bots' /addsource and /sources use its commands; only ingest polls.
    // Ingest writes cards through `parts.cards`, so the HTTP endpoint can meter them.
    const meteredStore: Store = {
      ...store,
      cards: { ...store.cards, upsert: (card, at) => parts.cards.upsert(card, at) },
    };
    const ingest = ingestFromConfig(config, {
      store: meteredStore,
      clock,
      logger: logger.child({ part: "ingest" }),
      ...(pool ? { digest: (input: { source: string; text: string }) => pool.digest(input) } : {}),
      notify: async (chat, text) =>
        platforms.channels
          .find((c) => c.platform === chat.platform)
          ?.notice?.({ ...chat, threadId: null }, text),
    });
    cleanups.push(() => ingest.stop());
    const leaseDeps: BotLeaseDeps = {
      store,
      clock,
      logger,
      holder: createLeaseHolder(),
      ttlMs: config.BOT_LEASE_TTL,
    };
    const platforms = createPlatforms({
      config,
      logger,
      store,
      changes,
      clock,
      roles,
      sources: ingest.commands,
      pollLease: () => pollLease,
    });
    let pollLease: LeaseKeeper | undefined;
    if (roles.has("bots") && platforms.telegram && !config.TELEGRAM_WEBHOOK_URL) {
      pollLease = telegramPollLease(leaseDeps, platforms.telegram);
    }
    const parts: Parts = {
      store,
      changes,
      platforms,
      ingest,
      cards: store.cards,
      ...(pool ? { digest: (input: { source: string; text: string }) => pool.digest(input) } : {}),
      leaseDeps,
      pollLease,
    };

    try {
      // HTTP endpoint (health, metrics, status page): off unless HTTP_PORT is set.
      const webhooks = roles.has("bots") && platforms.telegram?.webhookRoute;
      const stopHttp = await startHttpEndpoint(parts, {
        config,
        logger,
        clock,
        webhooks: webhooks ? [webhooks] : [],
      });
      if (stopHttp) cleanups.push(stopHttp);
      if (stopped) return;
      if (roles.has("ingest")) await startIngest(parts);
      if (stopped) return;
      if (roles.has("deliver")) await startDelivery(parts);
      if (stopped) return;
      if (roles.has("bots")) await startBots(parts);
      if (stopped) return;
    } catch (error) {
      // A stop during start-up closes what the step in flight was using; that is no fault.
      if (stopped) {
        logger.info({ reason: (error as Error).message }, "start-up cut short by the stop");
        return;
      }
      logger.fatal({ err: error }, "could not start");
      await stop(1);
      return;
    }
    logger.info(
      {
        roles: [...roles],
        telegram: Boolean(platforms.telegram),
        discord: Boolean(platforms.discord),
        articles: config.ARTICLES_DIR,
      },
      "running",
    );
  }

  type Parts = {
    store: Store;
    changes: ChangeFeed;
    platforms: ReturnType<typeof createPlatforms>;
    ingest: Ingest;
    cards: CardSink;
    digest?: DigestFn;
    leaseDeps: BotLeaseDeps;
    pollLease: LeaseKeeper | undefined;
  };

  async function startIngest({ store, ingest: sync }: Parts): Promise<void> {
    const report = await sync.scan();
    logger.info(
      { cards: await store.cards.count(), skipped: report.skipped.length },
      "articles loaded",
    );
    sync.start();
  }

  async function startDelivery({ store, changes, platforms }: Parts): Promise<void> {
    const engine = createDeliveryEngine({
      store,
      channels: platforms.channels,
      clock,
      logger: logger.child({ part: "delivery" }),
      options: {
        deactivateAfter: config.DEACTIVATE_AFTER,
        ledgerRetentionMs: config.LEDGER_RETENTION,
        leaseTtlMs: config.DELIVERY_LEASE_TTL,
        stories: true,
      },
      onFatal: (error) => {
        logger.fatal({ err: error }, "delivery stopped");
        void stop(1);
      },
      changes,
    });
    cleanups.push(() => engine.stop());
    const scheduler = createScheduler({
      store: store.subscriptions,
      onSlot: engine.onSlot,
      clock,
      logger: logger.child({ part: "scheduler" }),
      catchupGraceMs: config.CATCHUP_GRACE,
      changes,
    });
    cleanups.push(() => scheduler.stop());
    engine.start();
    await scheduler.start();
  }

  async function startBots({ platforms, store, leaseDeps, pollLease }: Parts): Promise<void> {
    const { telegram, discord } = platforms;
    cleanups.push(async () => {
      await Promise.all([telegram?.stop(), discord?.stop()]);
    });
    if (telegram) cleanups.push(startUpdatePruner({ store, clock, logger }));
    // Wait for both bots either way, so a failed one never leaves the other half-connected.
    const started = await Promise.allSettled([telegram?.start(), discord?.start()]);
    const failed = started.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
    const keepers: LeaseKeeper[] = pollLease ? [pollLease] : [];
    if (discord) {
      const shards =
        config.DISCORD_SHARDS === "auto"
          ? await discord.recommendedShards()
          : config.DISCORD_SHARDS;
      keepers.push(...discordShardLeases(leaseDeps, discord, shards));
    }
    // Released before the bots stop (cleanups run in reverse): the next holder starts at once.
    cleanups.push(async () => {
      await Promise.all(keepers.map((k) => k.stop()));
    });
    // Telegram polls while the shards connect; shards connect one after another (identify limits).
    const [poller, ...shards] = pollLease ? keepers : [undefined, ...keepers];
    await Promise.all([
      poller?.start(),
      (async () => {
        for (const shard of shards) await shard!.start();
      })(),
    ]);
    void telegram?.done.then((error) => {
      if (error) {
        logger.fatal({ err: error }, "the Telegram bot stopped");
        void stop(1);
      }
    });
  }

  return { start, stop: () => stop(0), done };
}

/**
 * The platform clients of this process. Built for `bots` (commands) and for `deliver` (their
 * send channels); a deliver-only process never starts their update loops.
 */
function createPlatforms(deps: {
  config: Config;
  logger: Logger;
  store: Store;
  changes: ChangeFeed;
  clock: Clock;
  roles: ReadonlySet<Role>;
  sources: SourceCommands;
  /** The Telegram poller's lease (built after the bot, asked before every getUpdates). */
  pollLease: () => LeaseKeeper | undefined;
}) {
  const { config, logger, store, changes, clock } = deps;
  if (!deps.roles.has("bots") && !deps.roles.has("deliver")) return { channels: [] };
  const backend = createBotBackend({ store, clock, changes, sources: deps.sources, stories: true });
  let telegram: TelegramBotHandle | undefined;
  let discord: DiscordBot | undefined;
  if (config.TELEGRAM_BOT_TOKEN) {
    telegram = createTelegramBot({
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      testEnv: config.TELEGRAM_TEST_ENV,
      sendRate: config.TELEGRAM_SEND_RATE,
      // With HTTP_PORT set the webhook is a route of that endpoint: one port serves all.
      webhook: config.TELEGRAM_WEBHOOK_URL
        ? {
            url: config.TELEGRAM_WEBHOOK_URL,
            ...(config.HTTP_PORT === undefined ? { port: config.TELEGRAM_WEBHOOK_PORT } : {}),
            secretToken: config.TELEGRAM_WEBHOOK_SECRET,
          }
        : undefined,
      updateLedger: { claim: (key) => store.updates.claim(key, clock.now()) },
      pollGate: { mayPoll: async () => (await deps.pollLease()?.holds()) ?? false },
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
      gateway: "manual",
    });
  }
  const channels: DeliveryChannel[] = [];
  if (telegram) channels.push(telegram.channel);
  if (discord) channels.push(discord.channel);
  return { telegram, discord, channels };
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
