import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Registry } from "prom-client";
import type { Clock, Logger } from "../../lib/index.js";
import type { CardPreviewFn } from "../../pipeline/index.js";
import type { Queries, StoryQueries } from "../../queries/index.js";
import type { LeaseRecord, Store } from "../../store/index.js";
import { presentedToken, tokenMatches } from "./auth.js";
import { registerPreviewRoutes } from "./preview-routes.js";
import type { CardRenderers } from "./render-card-view.js";
import { renderStatusPage, type PageLinks } from "./render-status-page.js";
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

export interface RouteDeps {
  token?: string;
  queries: Pick<Queries, "latest">;
  stories?: Pick<StoryQueries, "latestStories">;
  store: Pick<Store, "kv" | "subscriptions" | "ledger" | "sources">;
  readiness?: () => Promise<Readiness>;
  metrics: Registry;
  /** The card preview (GET/POST /preview); absent, the route is too. */
  previewArticle?: CardPreviewFn;
  /** The platforms' renderers: cards are shown as Telegram and Discord show them. */
  renderers?: CardRenderers;
  webhooks?: readonly WebhookMount[];
  logger: Logger;
  clock: Clock;
  readyTimeoutMs: number;
  statusCards: number;
}

const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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

  // A page opened with `?token=` keeps it in its links and form, or the next click is refused.
  const links = (c: Context): PageLinks => {
    const token = deps.token ? c.req.query("token") : undefined;
    const suffix = token ? `?token=${encodeURIComponent(token)}` : "";
    return { status: `/${suffix}`, preview: `/preview${suffix}` };
  };
  const pageHeaders = (c: Context) => c.header("Content-Security-Policy", PAGE_CSP);

  app.get("/", async (c) => {
    const data = await readStatus({ ...deps, cardLimit: deps.statusCards });
    pageHeaders(c);
    const renderers = deps.renderers ? { renderers: deps.renderers } : {};
    return c.html(renderStatusPage(data, { links: links(c), ...renderers }));
  });

  if (deps.previewArticle) {
    registerPreviewRoutes(app, {
      preview: deps.previewArticle,
      ...(deps.renderers ? { renderers: deps.renderers } : {}),
      logger: deps.logger,
      links,
      pageHeaders,
    });
  }

  app.onError((error, c) => {
    // Refusals the middleware means (a cross-site form post gets 403), not failures.
    if (error instanceof HTTPException) return error.getResponse();
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
