import { webhookCallback, type Bot } from "grammy";
import type { Logger } from "../../lib/index.js";
import { describeTelegramError } from "./telegram-errors.js";

/** A fetch-style route any HTTP server can mount (no framework needed): POST `path` only. */
export interface WebhookRoute {
  path: string;
  handle(request: Request): Promise<Response>;
}

export interface WebhookHandlerOptions {
  bot: Bot;
  path: string;
  /** Requests without this `X-Telegram-Bot-Api-Secret-Token` are answered 401 by grammY. */
  secretToken: string;
  /** False until the bot knows itself (getMe): Telegram is told to retry (503) meanwhile. */
  ready: () => boolean;
  log: Logger;
  token: string;
}

export function createWebhookHandler(options: WebhookHandlerOptions): WebhookRoute {
  const { log } = options;
  // "return" answers Telegram after 10 s and keeps working, so a slow command is not delivered twice.
  const handleUpdate = webhookCallback(options.bot, "std/http", {
    secretToken: options.secretToken,
    onTimeout: "return",
  });
  return {
    path: options.path,
    async handle(request) {
      if (request.method !== "POST") return new Response(null, { status: 405 });
      if (!options.ready()) return new Response(null, { status: 503 });
      try {
        return await handleUpdate(request);
      } catch (error) {
        log.error({ error: describeTelegramError(error, options.token) }, "webhook request failed");
        return new Response(null, { status: 400 });
      }
    },
  };
}
