import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError } from "grammy";
import type { BotBackend } from "../../delivery/index.js";
import type { Logger } from "../../lib/index.js";
import { BOT_COMMANDS } from "./help-text.js";
import { installBotHandlers } from "./install-bot-handlers.js";
import { createTelegramChannel, type TelegramChannel } from "./telegram-channel.js";
import { clientOptions, TELEGRAM_DEFAULTS, type ClientSettings } from "./telegram-defaults.js";
import { fetchBotInfo, type StartRetry } from "./fetch-bot-info.js";
import { describeTelegramError, sanitizeTelegramError } from "./telegram-errors.js";
import { handleUpdatesOnce, type UpdateLedger } from "./update-once.js";
import { createWebhookHandler, type WebhookRoute } from "./webhook-handler.js";
import { webhookSecretFor } from "./webhook-secret.js";
import { startWebhookServer, type WebhookServer } from "./webhook-server.js";

export interface TelegramWebhookOptions {
  /** The public HTTPS URL Telegram posts to; its path is the one the local server answers on. */
  url: string;
  /** A server of its own on this port; without it, mount `webhookRoute` on another server. */
  port?: number;
  host?: string;
  /**
   * Telegram sends it back in `X-Telegram-Bot-Api-Secret-Token`. Derived from the token when
   * omitted, so every process behind a load balancer expects the same one.
   */
  secretToken?: string;
}

/** Long polling under a lease: asked before every getUpdates. */
export interface PollGate {
  /** False ends polling without another request to Telegram (another process polls now). */
  mayPoll(): Promise<boolean>;
}

export interface TelegramBotOptions extends ClientSettings {
  token: string;
  backend: BotBackend;
  logger: Logger;
  /** Webhook mode; long polling when omitted. */
  webhook?: TelegramWebhookOptions;
  /** Each update handled once across the processes sharing this ledger. */
  updateLedger?: UpdateLedger;
  /** Polling only between `startPolling()` and `stopPolling()`, and only while the gate says so. */
  pollGate?: PollGate;
  pollingTimeoutSeconds?: number;
  rateLimit?: { limit: number; timeFrameMs: number };
  /** How getMe is retried at start while Telegram is unreachable. */
  startRetry?: StartRetry;
  /** Scheduled messages per second across all chats (TELEGRAM_SEND_RATE). */
  sendRate?: number;
}

export interface TelegramBotHandle {
  bot: Bot;
  /** For the delivery engine: no auto-retry, failures classified as DeliveryError. */
  channel: TelegramChannel;
  /** Webhook mode: the route to mount on the process's HTTP server (when no `port` was given). */
  webhookRoute?: WebhookRoute;
  /** With a `pollGate`: starts long polling (after `start()`); resolves once polling runs. */
  startPolling(): Promise<void>;
  /** With a `pollGate`: stops polling; confirms the last update only if the gate still allows it. */
  stopPolling(): Promise<void>;
  /** Resolves once updates flow; rejects (token-free) when Telegram refuses the bot. */
  start(): Promise<void>;
  /** Idempotent. */
  stop(): Promise<void>;
  /** Resolves when the bot stops: undefined after stop(), an Error when Telegram stopped it (401, 409). */
  done: Promise<void | Error>;
}

const FATAL: Record<number, string> = {
  401: "Telegram rejected the bot token (401 Unauthorized); check the token",
  409: "Another instance is receiving updates for this bot (409 Conflict); stop it or remove its webhook",
};

export function createTelegramBot(options: TelegramBotOptions): TelegramBotHandle {
  const { token, webhook } = options;
  const log = options.logger.child({ adapter: "telegram" });
  const bot = new Bot(token, { client: clientOptions(options) });
  bot.api.config.use(autoRetry(TELEGRAM_DEFAULTS.autoRetry));
  const channel = createTelegramChannel({ ...options, logger: options.logger });
  const requestTimeout = options.requestTimeoutSeconds ?? TELEGRAM_DEFAULTS.requestTimeoutSeconds;
  const pollingTimeout = Math.min(
    options.pollingTimeoutSeconds ?? TELEGRAM_DEFAULTS.pollingTimeoutSeconds,
    Math.max(1, requestTimeout - 1),
  );

  let finish!: (result: void | Error) => void;
  const done = new Promise<void | Error>((resolve) => (finish = resolve));
  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let server: WebhookServer | undefined;
  // Ends the start-up retries of getMe when stop() is called.
  const initAbort = new AbortController();

  const asFatal = (error: unknown): Error => {
    const known = error instanceof GrammyError ? FATAL[error.error_code] : undefined;
    return known !== undefined ? new Error(known) : sanitizeTelegramError(error, token);
  };
  const fail = (error: Error) => {
    log.fatal({ error: error.message }, "Telegram bot stopped");
    finish(error);
    void stop();
  };

  if (options.pollGate) {
    const gate = options.pollGate;
    bot.api.config.use(async (prev, method, payload, signal) => {
      if (method !== "getUpdates") return prev(method, payload, signal);
      const allowed = await gate.mayPoll().catch((error: unknown) => {
        log.warn({ err: error }, "could not check the polling lease");
        return false;
      });
      if (allowed) return prev(method, payload, signal);
      // Another process may be polling now: a request of ours would end its poll with 409.
      void bot.stop();
      return { ok: true, result: [] } as never;
    });
  }
  if (options.updateLedger) handleUpdatesOnce(bot, options.updateLedger, log);
  const drainUpdates = installBotHandlers(bot, {
    backend: options.backend,
    log,
    token,
    rateLimit: options.rateLimit ?? TELEGRAM_DEFAULTS.rateLimit,
    onFatal: fail,
    concurrent: !webhook,
  });

  async function run(): Promise<void> {
    let info: Awaited<ReturnType<typeof fetchBotInfo>>;
    try {
      info = await fetchBotInfo({
        api: bot.api,
        token,
        log,
        retry: options.startRetry ?? TELEGRAM_DEFAULTS.startRetry,
        signal: initAbort.signal,
      });
    } catch (error) {
      if (stopping) return;
      const fatal = asFatal(error);
      fail(fatal);
      throw fatal;
    }
    if (info === undefined) return;
    if ("gaveUp" in info) {
      const fatal = new Error(info.gaveUp);
      fail(fatal);
      throw fatal;
    }
    bot.botInfo = info.me;
    log.info(
      { username: bot.botInfo.username, mode: webhook ? "webhook" : "polling" },
      "Telegram bot starting",
    );
    await bot.api.setMyCommands(BOT_COMMANDS).catch((error: unknown) => {
      log.warn(
        { error: describeTelegramError(error, token) },
        "setMyCommands failed; the command menu may be stale",
      );
    });
    if (stopping) return;
    if (webhook) await startWebhook(webhook);
    else if (!options.pollGate) await startPolling();
  }

  function startPolling(): Promise<void> {
    if (stopping || bot.isRunning()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      bot
        .start({ timeout: pollingTimeout, onStart: () => resolve() })
        // Under a gate, polling pauses and resumes with the lease; the bot lives on.
        .then(() => (options.pollGate ? resolve() : finish()))
        .catch((error: unknown) => {
          // Aborting a poll on stop() is not a failure.
          if (stopping) return resolve();
          const fatal = asFatal(error);
          fail(fatal);
          reject(fatal);
        });
    });
  }

  const secretToken = webhook?.secretToken ?? webhookSecretFor(token);
  const webhookRoute = webhook
    ? createWebhookHandler({
        bot,
        path: new URL(webhook.url).pathname,
        secretToken,
        ready: () => bot.isInited() && !stopping,
        log,
        token,
      })
    : undefined;

  async function startWebhook(hook: TelegramWebhookOptions): Promise<void> {
    if (hook.port !== undefined) {
      server = await startWebhookServer({
        bot,
        port: hook.port,
        host: hook.host,
        path: new URL(hook.url).pathname,
        secretToken,
        log,
        token,
      });
    }
    try {
      await bot.api.setWebhook(hook.url, { secret_token: secretToken });
    } catch (error) {
      const fatal = asFatal(error);
      fail(fatal);
      throw fatal;
    }
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      initAbort.abort();
      if (bot.isRunning()) {
        await bot.stop().catch((error: unknown) => {
          log.warn(
            { error: describeTelegramError(error, token) },
            "could not confirm the last update",
          );
        });
      }
      await server?.close();
      // Commands already taken finish before the caller closes the database under them.
      await drainUpdates();
      finish();
      log.info("Telegram bot stopped");
    })();
    return stopping;
  }

  async function stopPolling(): Promise<void> {
    if (bot.isRunning()) {
      await bot.stop().catch((error: unknown) => {
        log.warn(
          { error: describeTelegramError(error, token) },
          "could not confirm the last update",
        );
      });
    }
  }

  return {
    bot,
    channel,
    ...(webhookRoute ? { webhookRoute } : {}),
    startPolling,
    stopPolling,
    start: () => (starting ??= run()),
    stop,
    done,
  };
}
