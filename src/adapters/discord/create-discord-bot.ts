import {
  Client,
  Events,
  GatewayIntentBits,
  RESTEvents,
  Routes,
  type RateLimitData,
} from "discord.js";
import type { BotBackend } from "../../delivery/index.js";
import type { DeliveryChannel } from "../../delivery/index.js";
import { redactSecrets, type Logger } from "../../lib/index.js";
import { describeError } from "./describe-error.js";
import { createDiscordChannel } from "./discord-channel.js";
import { createInteractionHandler } from "./handle-interaction.js";
import { createMemoryKeyValue, registerIfChanged, type KeyValue } from "./register-commands.js";

export interface DiscordBotTuning {
  /** Discord's API root; the gateway URL is then read from `GET {apiRoot}/v10/gateway/bot`. */
  apiRoot: string;
  /** discord.js retries 5xx/resets/timeouts this often; safe for sends because they carry a nonce. */
  restRetries: number;
  restTimeoutMs: number;
  /** A digest send facing a longer rate-limit wait fails as `rate_limited` so the ledger reschedules it. */
  maxRateLimitWaitMs: number;
  /** Sends in flight at once (the delivery engine's pacing). */
  concurrency: number;
  /** Register slash commands (only when changed) during `start()`. */
  registerCommands: boolean;
  /** How long `stop()` lets interactions in progress finish before disconnecting. */
  stopGraceMs: number;
  /** How long `start()` waits for unavailable guilds before calling the bot ready. */
  waitGuildTimeoutMs: number;
}

export const DISCORD_BOT_DEFAULTS = {
  apiRoot: "https://discord.com/api",
  restRetries: 1,
  restTimeoutMs: 15_000,
  maxRateLimitWaitMs: 10_000,
  concurrency: 8,
  registerCommands: true,
  stopGraceMs: 5_000,
  waitGuildTimeoutMs: 15_000,
} as const satisfies Required<DiscordBotTuning>;

export interface DiscordBotOptions extends Partial<DiscordBotTuning> {
  token: string;
  applicationId: string;
  /** Register commands in this guild only (instant; for development) instead of globally. */
  guildId?: string;
  backend: BotBackend;
  logger: Logger;
  /** Remembers the registered commands' hash across restarts; in memory when omitted. */
  commandStore?: KeyValue;
  /**
   * `manual`: `start()` only registers commands; the gateway connects shard by shard through
   * `connectShard` (each shard leased by one process). Default `all`: one connection, every shard.
   */
  gateway?: "all" | "manual";
}

export interface DiscordBot {
  client: Client;
  /** Usable without `start()`: it needs only REST, not the gateway. */
  channel: DeliveryChannel;
  start(): Promise<void>;
  /** Idempotent; lets running interactions finish (bounded), then awaits `client.destroy()`. */
  stop(): Promise<void>;
  /** Discord's recommended shard count (`GET /gateway/bot`). */
  recommendedShards(): Promise<number>;
  /** Manual gateway: connects shard `id` of `count` on a client of its own; resolves when ready. */
  connectShard(id: number, count: number): Promise<void>;
  /** Closes shard `id` (another process may connect it now); no-op when not connected. */
  disconnectShard(id: number): Promise<void>;
  /** Shards connected by this process, ascending. */
  connectedShards(): number[];
}

/** discord.js bucket route of a channel message post (ids become `:id`). */
const MESSAGE_POST = /^\/channels\/(?::id|\d+)\/messages$/;

function tuning(options: DiscordBotOptions): Required<DiscordBotTuning> {
  const out: Required<DiscordBotTuning> = { ...DISCORD_BOT_DEFAULTS };
  for (const key of Object.keys(DISCORD_BOT_DEFAULTS) as Array<keyof DiscordBotTuning>) {
    if (options[key] !== undefined) Object.assign(out, { [key]: options[key] });
  }
  return out;
}

export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { token, backend } = options;
  const t = tuning(options);
  const secrets = [token];
  const logger = options.logger.child({ adapter: "discord" });
  const scrub = (error: unknown) => describeError(error, secrets);

  const makeClient = (shards?: { id: number; count: number }) =>
    new Client({
      intents: [GatewayIntentBits.Guilds],
      ...(shards ? { shards: [shards.id], shardCount: shards.count } : {}),
      allowedMentions: { parse: [] },
      waitGuildTimeout: t.waitGuildTimeoutMs,
      rest: {
        api: t.apiRoot,
        retries: t.restRetries,
        timeout: t.restTimeoutMs,
        // Only digest sends give up early; commands and replies wait as long as Discord asks.
        rejectOnRateLimit: (data: RateLimitData) =>
          data.method.toUpperCase() === "POST" &&
          MESSAGE_POST.test(data.route) &&
          Math.max(data.retryAfter, data.timeToReset) > t.maxRateLimitWaitMs,
      },
    });
  const client = makeClient();
  client.rest.setToken(token);

  const channel = createDiscordChannel({
    rest: client.rest,
    logger,
    concurrency: t.concurrency,
    secrets,
  });
  const handle = createInteractionHandler({ backend, logger, secrets });
  const inFlight = new Set<Promise<void>>();
  const listen = (c: Client) => {
    c.on(Events.InteractionCreate, (interaction) => {
      const run = handle(interaction).finally(() => inFlight.delete(run));
      inFlight.add(run);
    });
    c.on(Events.Error, (error) => logger.error({ error: scrub(error) }, "discord client error"));
    c.on(Events.ShardError, (error) =>
      logger.warn({ error: scrub(error) }, "discord gateway error"),
    );
    c.on(Events.Warn, (message) =>
      logger.warn({ message: redactSecrets(message, secrets) }, "discord warning"),
    );
  };
  listen(client);
  const shardClients = new Map<number, Client>();
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.debug(
      { route: info.route, retryAfter: info.retryAfter, global: info.global },
      "discord rate limit",
    ),
  );

  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;

  const connect = async (c: Client) => {
    // Never rejects, so an early login failure leaves no unhandled promise behind.
    const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
    try {
      await c.login(token);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`discord login failed: ${redactSecrets(reason, secrets)}`, { cause: error });
    }
    await ready;
  };

  const connectShard = async (id: number, count: number) => {
    if (stopping) throw new Error("discord bot was stopped");
    if (shardClients.has(id)) return;
    const shard = makeClient({ id, count });
    listen(shard);
    shardClients.set(id, shard);
    try {
      await connect(shard);
    } catch (error) {
      shardClients.delete(id);
      await shard.destroy();
      throw error;
    }
    logger.info({ shard: id, of: count, guilds: shard.guilds.cache.size }, "discord shard ready");
  };

  const disconnectShard = async (id: number) => {
    const shard = shardClients.get(id);
    if (!shard) return;
    shardClients.delete(id);
    await shard.destroy();
    logger.info({ shard: id }, "discord shard closed");
  };

  const start = async () => {
    if (stopping) throw new Error("discord bot was stopped; create a new one to start again");
    if (options.gateway !== "manual") await connect(client);
    if (t.registerCommands) {
      await registerIfChanged({
        rest: client.rest,
        applicationId: options.applicationId,
        ...(options.guildId ? { guildId: options.guildId } : {}),
        kv: options.commandStore ?? createMemoryKeyValue(),
        logger,
      }).catch((error: unknown) =>
        // Commands keep their previous definition; digests still go out.
        logger.error({ error: scrub(error) }, "discord command registration failed"),
      );
    }
    if (options.gateway !== "manual") {
      logger.info(
        { user: client.user?.tag, guilds: client.guilds.cache.size },
        "discord bot ready",
      );
    }
  };

  const stop = async () => {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, t.stopGraceMs);
    });
    await Promise.race([Promise.allSettled([...inFlight]), grace]);
    clearTimeout(timer);
    await Promise.all([...shardClients.keys()].map(disconnectShard));
    await client.destroy();
    logger.info("discord bot stopped");
  };

  return {
    client,
    channel,
    start: () => (starting ??= start()),
    stop: () => (stopping ??= stop()),
    recommendedShards: async () => {
      const info = (await client.rest.get(Routes.gatewayBot())) as { shards?: unknown };
      return typeof info.shards === "number" && info.shards >= 1 ? info.shards : 1;
    },
    connectShard,
    disconnectShard,
    connectedShards: () => [...shardClients.keys()].sort((a, b) => a - b),
  };
}
