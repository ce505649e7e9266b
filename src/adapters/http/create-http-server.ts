import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { ConfigError, systemClock, type Clock } from "../../lib/index.js";
import { isLoopbackHost } from "./auth.js";
import { createRoutes, type RouteDeps } from "./http-routes.js";

export const HTTP_DEFAULTS = {
  host: "127.0.0.1",
  readyTimeoutMs: 2_000,
  statusCards: 20,
} as const;

export interface HttpServerDeps extends Omit<
  RouteDeps,
  "clock" | "readyTimeoutMs" | "statusCards"
> {
  /** Default 127.0.0.1; any other (non-loopback) host requires `token`. */
  host?: string;
  /** 0 picks a free port (tests). */
  port: number;
  clock?: Clock;
  readyTimeoutMs?: number;
  /** Cards on the status page. */
  statusCards?: number;
}

export interface HttpServer {
  /** Listens; rejects when the port is taken or a non-loopback host has no token. */
  start(): Promise<{ port: number }>;
  /** Idempotent: closes the listener and every open connection. */
  stop(): Promise<void>;
}

/** One HTTP listener for health, readiness, metrics and the status page. */
export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const host = deps.host ?? HTTP_DEFAULTS.host;
  const app = createRoutes({
    ...deps,
    clock: deps.clock ?? systemClock,
    readyTimeoutMs: deps.readyTimeoutMs ?? HTTP_DEFAULTS.readyTimeoutMs,
    statusCards: deps.statusCards ?? HTTP_DEFAULTS.statusCards,
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  let stopping: Promise<void> | undefined;

  async function start(): Promise<{ port: number }> {
    if (!isLoopbackHost(host) && !deps.token) {
      throw new ConfigError(`HTTP_TOKEN is required to listen on ${host} (beyond loopback)`, {
        host,
      });
    }
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(deps.port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    deps.logger.info({ host, port, token: Boolean(deps.token) }, "http endpoint listening");
    return { port };
  }

  function stop(): Promise<void> {
    stopping ??= new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      if ("closeAllConnections" in server) server.closeAllConnections();
    });
    return stopping;
  }

  return { start, stop };
}
