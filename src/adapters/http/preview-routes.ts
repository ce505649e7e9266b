import type { Context, Hono } from "hono";
import { csrf } from "hono/csrf";
import { z } from "zod";
import type { Logger } from "../../lib/index.js";
import type { CardPreview, CardPreviewFn } from "../../pipeline/index.js";
import type { CardRenderers } from "./render-card-view.js";
import { renderPreviewPage } from "./render-preview-page.js";
import type { PageLinks } from "./render-status-page.js";

const PreviewInput = z.object({
  url: z.string().trim().min(1, "add a URL to preview").max(2048, "that URL is too long"),
});

export interface PreviewRouteDeps {
  preview: CardPreviewFn;
  renderers?: CardRenderers;
  logger: Logger;
  /** Links and form action for this request (they carry its `?token=`). */
  links: (c: Context) => PageLinks;
  /** Headers every HTML page gets (the CSP). */
  pageHeaders: (c: Context) => void;
}

/** Browsers ask for HTML; anything else (curl, scripts) gets JSON. */
const wantsHtml = (c: Context) => (c.req.header("accept") ?? "").includes("text/html");

/**
 * GET /preview (the form; `?url=` previews), POST /preview (the form's submit, or a JSON body
 * `{ "url": … }`). A form post from another origin is refused (CSRF).
 */
export function registerPreviewRoutes(app: Hono, deps: PreviewRouteDeps): void {
  app.use("/preview", csrf());

  const respond = async (c: Context, raw: unknown, html: boolean) => {
    const input = PreviewInput.safeParse(raw);
    const links = deps.links(c);
    if (!input.success) {
      const error = input.error.issues[0]?.message ?? "add a URL to preview";
      if (!html) return c.json({ error }, 400);
      deps.pageHeaders(c);
      return c.html(renderPreviewPage({ links, action: links.preview }), 400);
    }
    const url = input.data.url;
    let result: CardPreview;
    try {
      result = await deps.preview(url);
    } catch (error) {
      deps.logger.error({ err: error }, "preview failed");
      result = { ok: false, url, error: "the preview failed unexpectedly (see the log)" };
    }
    const status = result.ok ? 200 : 422;
    if (!html) return c.json(toJson(result, deps.renderers), status);
    deps.pageHeaders(c);
    return c.html(
      renderPreviewPage({ links, action: links.preview, url, result, ...rendererOf(deps) }),
      status,
    );
  };

  app.get("/preview", (c) => {
    const url = c.req.query("url");
    if (url === undefined && wantsHtml(c)) {
      const links = deps.links(c);
      deps.pageHeaders(c);
      return c.html(renderPreviewPage({ links, action: links.preview, ...rendererOf(deps) }));
    }
    return respond(c, { url }, wantsHtml(c));
  });

  app.post("/preview", async (c) => {
    const json = (c.req.header("content-type") ?? "").includes("application/json");
    const body: unknown = json
      ? await c.req.json().catch(() => ({}))
      : await c.req.parseBody().catch(() => ({}));
    return respond(c, body, !json && wantsHtml(c));
  });
}

const rendererOf = (deps: PreviewRouteDeps) =>
  deps.renderers ? { renderers: deps.renderers } : {};

function toJson(result: CardPreview, renderers?: CardRenderers) {
  if (!result.ok) return { url: result.url, error: result.error };
  return {
    ...result,
    ...(renderers
      ? {
          rendered: result.cards.map((card) => ({
            id: card.id,
            telegramHtml: renderers.telegramHtml(card),
            discordEmbed: renderers.discordEmbed(card),
          })),
        }
      : {}),
  };
}
