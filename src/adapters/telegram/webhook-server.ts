import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { webhookCallback, type Bot } from "grammy";
import type { Logger } from "../../lib/index.js";
import { describeTelegramError } from "./telegram-errors.js";

export interface WebhookServerOptions {
  bot: Bot;
  port: number;
  host?: string;
  /** Only POSTs to this path are updates; everything else is 404. */
  path: string;
  /** Requests without this `X-Telegram-Bot-Api-Secret-Token` are answered 401 by grammY. */
  secretToken: string;
  log: Logger;
  token: string;
}

export interface WebhookServer {
  port: number;
  close(): Promise<void>;
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { log } = options;
  // "return" answers Telegram after 10 s and keeps working, so a slow command is not delivered twice.
  const handleUpdate = webhookCallback(options.bot, "http", {
    secretToken: options.secretToken,
    onTimeout: "return",
  });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "POST" || path !== options.path) {
      res.writeHead(404).end();
      return;
    }
    handleUpdate(req, res).catch((error: unknown) => {
      log.error({ error: describeTelegramError(error, options.token) }, "webhook request failed");
      if (!res.headersSent) res.writeHead(400).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
