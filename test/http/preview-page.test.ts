import { afterEach, describe, expect, it } from "vitest";
import type { CardPreviewFn } from "../../src/pipeline/index.js";
import { makeCard } from "../fixtures/cards.js";
import { RENDERERS } from "./card-renderers.js";
import { startServer } from "./http-kit.js";

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

const SCRIPT_TITLE = `<script>alert("x")</script> Budget & <b>more</b>`;

/** A preview that answers like the real one: a card for /good, a failure for anything else. */
const fakePreview: CardPreviewFn = async (url) =>
  url.endsWith("/good")
    ? {
        ok: true,
        url,
        kind: "page",
        title: "Good page",
        cards: [
          makeCard(1, { title: SCRIPT_TITLE, url: "https://news.example/a", publisher: "Wire" }),
        ],
        skipped: [],
      }
    : { ok: false, url, error: "the site answered HTTP 404" };

async function serve(token?: string) {
  const server = await startServer({
    previewArticle: fakePreview,
    renderers: RENDERERS,
    ...(token ? { token } : {}),
  });
  stops.push(server.stop);
  return server;
}

const HTML = { accept: "text/html" };
const form = (url: string, origin: string) => ({
  method: "POST",
  headers: { ...HTML, "content-type": "application/x-www-form-urlencoded", origin },
  body: new URLSearchParams({ url }).toString(),
});

describe("the card preview page", () => {
  it("serves a form that posts to itself under a CSP that allows only that", async () => {
    const { url } = await serve();
    const res = await fetch(url("/preview"), { headers: HTML });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("form-action 'self'");
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/preview">');
    expect(html).toContain('name="url"');
  });

  it("shows the posted URL's cards as Telegram and Discord show them, a <script> title as text", async () => {
    const { url } = await serve();
    const res = await fetch(
      url("/preview"),
      form("https://x.example/good", new URL(url("/")).origin),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("1 card from the article page Good page");
    // Telegram: the bot's HTML drawn as HTML (bold title), the title's own markup as text.
    expect(html).toContain(
      '<div class="tg-msg"><b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Budget &amp; &lt;b&gt;more&lt;/b&gt;</b>',
    );
    expect(html).toContain(
      '<a href="https://news.example/a" rel="noreferrer noopener">Read the article</a>',
    );
    // Discord: the embed's title, link and author; its markdown escapes are undone for display.
    expect(html).toMatch(
      /<div class="dc-author">Wire<\/div><div class="dc-title"><a href="https:\/\/news.example\/a"/,
    );
    expect(html).toContain("Fact one of card 1: 752 officers called up.");
    expect(html).toContain("A total of 752 officers will be called up in card 1.");
  });

  it("names the URL and what went wrong with a 422, and never a stack", async () => {
    const { url } = await serve();
    const res = await fetch(
      url("/preview"),
      form("https://x.example/gone", new URL(url("/")).origin),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(
      "Could not preview <code>https://x.example/gone</code>: the site answered HTTP 404.",
    );
    expect(html).toContain('value="https://x.example/gone"');
    expect(html).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses a form posted from another site (CSRF)", async () => {
    const { url } = await serve();
    const res = await fetch(
      url("/preview"),
      form("https://x.example/good", "https://evil.example"),
    );
    expect(res.status).toBe(403);
  });

  it("answers JSON to API clients, with the rendered payloads", async () => {
    const { url } = await serve();
    const res = await fetch(url("/preview"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: "https://x.example/good" }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      kind: string;
      cards: Array<{ title: string }>;
      rendered: Array<{ telegramHtml: string; discordEmbed: { title: string } }>;
    };
    expect(body.kind).toBe("page");
    expect(body.cards[0]?.title).toBe(SCRIPT_TITLE);
    expect(body.rendered[0]?.telegramHtml).toMatch(/^<b>&lt;script&gt;/);
    const bad = await fetch(url("/preview?url=https://x.example/gone"));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({
      url: "https://x.example/gone",
      error: "the site answered HTTP 404",
    });
    expect(
      (
        await fetch(url("/preview"), {
          method: "POST",
          body: "{}",
          headers: { "content-type": "application/json" },
        })
      ).status,
    ).toBe(400);
  });

  it("keeps the page's ?token= in its links and form, and refuses a post without it", async () => {
    const { url } = await serve("s3cret&x");
    const origin = new URL(url("/")).origin;
    const page = await fetch(url(`/preview?token=${encodeURIComponent("s3cret&x")}`), {
      headers: HTML,
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('action="/preview?token=s3cret%26x"');
    expect(html).toContain('href="/?token=s3cret%26x"');
    expect((await fetch(url("/preview"), form("https://x.example/good", origin))).status).toBe(401);
    const posted = await fetch(
      url("/preview?token=s3cret%26x"),
      form("https://x.example/good", origin),
    );
    expect(posted.status).toBe(200);
  });
});
