import { Hono } from "hono";
import type { Registry } from "prom-client";
import type { Clock, Logger } from "../../lib/index.js";
import type { FactCard } from "../../model/index.js";
import type { Queries } from "../../queries/index.js";
import type { LeaseRecord, Store } from "../../store/index.js";
import { presentedToken, tokenMatches } from "./auth.js";
import { renderStatusPage } from "./render-status-page.js";
import { readStatus } from "./status-data.js";

/** What /readyz reports besides the database: each bot's state and the delivery leases. */
export interface Readiness {
  bots: Record<string, string>;
  leases: LeaseRecord[];
}

/** A platform's webhook (Telegram's): it checks its own secret, so the bearer token is not asked. */
export interface WebhookMount {
  path: string;
  handle(request: Request): Promise<Response>;
}

export type PreviewResult = { ok: true; cards: FactCard[] } | { ok: false; error: string };

export interface RouteDeps {
  token?: string;
  queries: Pick<Queries, "latest">;
  store: Pick<Store, "kv" | "subscriptions" | "ledger">;
  readiness?: () => Promise<Readiness>;
  metrics: Registry;
  previewArticle?: (url: string) => Promise<PreviewResult>;
  webhooks?: readonly WebhookMount[];
  logger: Logger;
  clock: Clock;
  readyTimeoutMs: number;
  statusCards: number;
}

const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** The routes: translate HTTP to reads and back, nothing more. */
export function createRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  const webhookPaths = new Set((deps.webhooks ?? []).map((w) => w.path));

  app.use("*", async (c, next) => {
    // The token may sit in the query string: never let it leave through a Referer header.
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Cache-Control", "no-store");
    const open = c.req.path === "/healthz" || webhookPaths.has(c.req.path);
    if (deps.token && !open) {
      const given = presentedToken(c.req.header("authorization"), c.req.query("token"));
      if (!tokenMatches(deps.token, given)) {
        c.header("WWW-Authenticate", 'Bearer realm="news-digest-bot"');
        return c.text("unauthorized", 401);
      }
    }
    return next();
  });

  app.get("/healthz", (c) => c.text("ok"));

  for (const webhook of deps.webhooks ?? []) {
    app.post(webhook.path, (c) => webhook.handle(c.req.raw));
  }

  app.get("/readyz", async (c) => {
    try {
      await withTimeout(deps.store.kv.get("readyz"), deps.readyTimeoutMs);
    } catch (error) {
      deps.logger.warn({ err: error }, "readiness: the database did not answer");
      return c.json({ database: "unavailable", reason: reasonOf(error) }, 503);
    }
    try {
      const more = (await deps.readiness?.()) ?? { bots: {}, leases: [] };
      return c.json({ database: "ok", bots: more.bots, leases: more.leases });
    } catch (error) {
      deps.logger.warn({ err: error }, "readiness check failed");
      return c.json({ database: "ok", reason: reasonOf(error) }, 503);
    }
  });

  app.get("/metrics", async (c) => {
    const body = await deps.metrics.metrics();
    return c.body(body, 200, { "Content-Type": deps.metrics.contentType });
  });

  app.get("/", async (c) => {
    const data = await readStatus({ ...deps, cardLimit: deps.statusCards });
    c.header("Content-Security-Policy", PAGE_CSP);
    return c.html(renderStatusPage(data));
  });

  if (deps.previewArticle) {
    const preview = deps.previewArticle;
    app.get("/preview", async (c) => {
      const url = c.req.query("url");
      if (!url) return c.json({ error: "add ?url=https://…" }, 400);
      const result = await preview(url);
      return result.ok ? c.json({ cards: result.cards }) : c.json({ error: result.error }, 422);
    });
  }

  app.onError((error, c) => {
    deps.logger.error({ err: error, path: c.req.path }, "http request failed");
    return c.text("internal error", 500);
  });
  return app;
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 200);
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
