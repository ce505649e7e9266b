import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpServer, createMetrics } from "../../src/adapters/http/index.js";
import { ConfigError, silentLogger } from "../../src/lib/index.js";
import { createQueries } from "../../src/queries/index.js";
import {
  createMemoryStore,
  createSqliteStore,
  openDatabase,
  type Store,
} from "../../src/store/index.js";
import { makeCard } from "../fixtures/cards.js";
import { NOW, startServer } from "./http-kit.js";

const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function serve(...args: Parameters<typeof startServer>) {
  const server = await startServer(...args);
  stops.push(server.stop);
  return server;
}

describe("health and readiness", () => {
  it("answers /healthz with ok", async () => {
    const { url } = await serve();
    const res = await fetch(url("/healthz"));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });

  it("reports the database, bots and leases on /readyz", async () => {
    const lease = { name: "deliver:telegram", holder: "host:1:ab", epoch: 3, expiresAt: NOW };
    const { url } = await serve({
      readiness: async () => ({ bots: { telegram: "running" }, leases: [lease] }),
    });
    const res = await fetch(url("/readyz"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      database: "ok",
      bots: { telegram: "running" },
      leases: [lease],
    });
  });

  it("turns /readyz to 503 while the SQLite database is closed and back to 200 once it reopens", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-http-"));
    stops.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "digest.db");
    let db = openDatabase(path);
    let current: Store = createSqliteStore(db);
    // The server keeps one store; the database behind it goes away and comes back.
    const store: Store = { ...current, kv: { ...current.kv, get: (key) => current.kv.get(key) } };
    const { url } = await serve({ store });
    stops.push(() => void db.close());

    expect((await fetch(url("/readyz"))).status).toBe(200);
    db.close();
    const down = await fetch(url("/readyz"));
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      database: "unavailable",
      reason: expect.stringContaining("not open"),
    });
    db = openDatabase(path);
    current = createSqliteStore(db);
    expect((await fetch(url("/readyz"))).status).toBe(200);
  });

  it("answers 503 when the database hangs past the timeout", async () => {
    const store = createMemoryStore();
    const hung: Store = { ...store, kv: { ...store.kv, get: () => new Promise(() => {}) } };
    const { url } = await serve({ store: hung, readyTimeoutMs: 20 });
    const res = await fetch(url("/readyz"));
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ reason: expect.stringContaining("20 ms") });
  });
});

describe("metrics", () => {
  it("serves the Prometheus text format with the app's metric names", async () => {
    const store = createMemoryStore();
    await store.cards.upsert(makeCard(1), new Date(NOW));
    const metrics = createMetrics({
      store,
      leases: ["deliver:telegram"],
      processMetrics: false,
    });
    metrics.cardMade();
    metrics.send("telegram", "sent");
    metrics.send("discord", "uncertain");
    metrics.rateLimited("telegram");
    const { url } = await serve({ store, metrics: metrics.registry });

    const res = await fetch(url("/metrics"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain("# TYPE news_digest_cards_made_total counter");
    expect(text).toContain("news_digest_cards_made_total 1");
    expect(text).toContain('news_digest_sends_total{platform="telegram",outcome="sent"} 1');
    expect(text).toContain('news_digest_sends_total{platform="discord",outcome="uncertain"} 1');
    expect(text).toContain('news_digest_rate_limited_total{platform="telegram"} 1');
    expect(text).toContain("news_digest_cards_stored 1");
    expect(text).toContain("news_digest_ledger_backlog 0");
    expect(text).toContain('news_digest_ledger_rows{status="pending"} 0');
    expect(text).toContain('news_digest_lease_held{lease="deliver:telegram"} 0');
    expect(text).toContain("news_digest_store_up 1");
  });

  it("reports store_up 0 instead of failing when the store throws", async () => {
    const store = createMemoryStore();
    const broken: Store = {
      ...store,
      cards: { ...store.cards, count: () => Promise.reject(new Error("gone")) },
    };
    const metrics = createMetrics({ store: broken, processMetrics: false });
    const { url } = await serve({ store: broken, metrics: metrics.registry });
    const res = await fetch(url("/metrics"));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("news_digest_store_up 0");
    expect(text).toMatch(/^news_digest_cards_stored nan$/im);
  });
});

describe("the token rule", () => {
  it("refuses to start beyond loopback without a token", async () => {
    const store = createMemoryStore();
    const server = createHttpServer({
      host: "0.0.0.0",
      port: 0,
      queries: createQueries({ store }),
      store,
      metrics: createMetrics({ processMetrics: false }).registry,
      logger: silentLogger,
    });
    await expect(server.start()).rejects.toBeInstanceOf(ConfigError);
    await server.stop();
  });

  it("asks for the token by header or query but keeps /healthz open", async () => {
    const { url } = await serve({ token: "s3cret-token-value" });
    expect((await fetch(url("/healthz"))).status).toBe(200);
    const denied = await fetch(url("/metrics"));
    expect(denied.status).toBe(401);
    expect(await denied.text()).not.toContain("s3cret");
    expect((await fetch(url("/readyz?token=wrong"))).status).toBe(401);
    expect((await fetch(url("/readyz?token=s3cret-token-value"))).status).toBe(200);
    const bearer = await fetch(url("/"), {
      headers: { authorization: "Bearer s3cret-token-value" },
    });
    expect(bearer.status).toBe(200);
    expect(await bearer.text()).not.toContain("s3cret");
  });

  it("carries a platform webhook on the same port, checked by its own secret, not the token", async () => {
    const seen: string[] = [];
    const { url } = await serve({
      token: "s3cret-token-value",
      webhooks: [
        {
          path: "/telegram",
          handle: async (request) => {
            seen.push(await request.text());
            return new Response(null, { status: 200 });
          },
        },
      ],
    });
    const posted = await fetch(url("/telegram"), { method: "POST", body: '{"update_id":1}' });
    expect(posted.status).toBe(200);
    expect(seen).toEqual(['{"update_id":1}']);
    expect((await fetch(url("/telegram-other"), { method: "POST" })).status).toBe(401);
    expect((await fetch(url("/metrics"))).status).toBe(401);
  });

  it("listens beyond loopback when a token is set", async () => {
    const { url } = await serve({ host: "0.0.0.0", token: "s3cret-token-value" });
    const res = await fetch(url("/readyz").replace("0.0.0.0", "127.0.0.1"), {
      headers: { authorization: "Bearer s3cret-token-value" },
    });
    expect(res.status).toBe(200);
  });
});

describe("lifecycle", () => {
  it("rejects start when the port is taken and stops idempotently", async () => {
    const first = await serve();
    const port = Number(new URL(first.url("/")).port);
    const store = createMemoryStore();
    const second = createHttpServer({
      port,
      queries: createQueries({ store }),
      store,
      metrics: createMetrics({ processMetrics: false }).registry,
      logger: silentLogger,
    });
    await expect(second.start()).rejects.toThrow(/EADDRINUSE/);
    await second.stop();
    await first.stop();
    await first.stop();
  });
});

describe("preview", () => {
  it("turns a URL into cards through the given previewArticle, and is absent without one", async () => {
    const seen: string[] = [];
    const { url } = await serve({
      previewArticle: async (target) => {
        seen.push(target);
        return target.includes("bad")
          ? { ok: false, url: target, error: "not an article" }
          : { ok: true, url: target, kind: "page", title: null, cards: [makeCard(7)], skipped: [] };
      },
    });
    const good = await fetch(url(`/preview?url=${encodeURIComponent("https://x.example/a")}`));
    expect(good.status).toBe(200);
    expect(((await good.json()) as { cards: Array<{ id: string }> }).cards[0]?.id).toBe(
      makeCard(7).id,
    );
    expect((await fetch(url("/preview?url=https://x.example/bad"))).status).toBe(422);
    expect((await fetch(url("/preview"))).status).toBe(400);
    expect(seen).toEqual(["https://x.example/a", "https://x.example/bad"]);

    const plain = await serve();
    expect((await fetch(plain.url("/preview?url=https://x.example/a"))).status).toBe(404);
  });
});
