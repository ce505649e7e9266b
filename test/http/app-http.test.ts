import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/index.js";
import { configSecrets, loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/lib/index.js";

const SEEDS = new URL("../../seeds/", import.meta.url).pathname;
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A port that was free a moment ago (the app takes a fixed HTTP_PORT). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("HTTP config", () => {
  it("keeps the endpoint off by default, on loopback, and the token secret", () => {
    const off = loadConfig({});
    expect(off.HTTP_PORT).toBeUndefined();
    expect(off.HTTP_HOST).toBe("127.0.0.1");
    const on = loadConfig({ HTTP_PORT: "9464", HTTP_TOKEN: "tok-123456789" });
    expect(on.HTTP_PORT).toBe(9464);
    expect(configSecrets(on)).toContain("tok-123456789");
    expect(() => loadConfig({ HTTP_PORT: "http" })).toThrow(/HTTP_PORT/);
  });
});

describe("the app with HTTP_PORT", () => {
  it("serves readiness and counts the cards it made, and closes the port on stop", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "app-http-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const port = await freePort();
    const config = loadConfig({
      ARTICLES_DIR: SEEDS,
      DATABASE_PATH: path.join(dir, "digest.db"),
      HTTP_PORT: String(port),
    });
    const app = createApp({ config, logger: silentLogger, roles: new Set(["ingest"]) });
    await app.start();
    const base = `http://127.0.0.1:${port}`;
    try {
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ database: "ok", bots: { telegram: "off" } });
      const metrics = await (await fetch(`${base}/metrics`)).text();
      const made = Number(/^news_digest_cards_made_total (\d+)$/m.exec(metrics)?.[1]);
      expect(made).toBeGreaterThan(0);
      expect(metrics).toContain(`news_digest_cards_stored ${made}`);
      expect(metrics).toContain("process_resident_memory_bytes");
      // The status page draws the stored cards as the platforms would.
      const page = await (await fetch(`${base}/`)).text();
      expect(page).toContain('<div class="tg-msg"><b>');
      expect(page).toContain('<div class="dc-embed"');
      // The preview is wired, through the guarded client: a local address is refused, named.
      const refused = await fetch(`${base}/preview?url=${encodeURIComponent(`${base}/healthz`)}`);
      expect(refused.status).toBe(422);
      expect(await refused.json()).toEqual({
        url: `${base}/healthz`,
        error: "that address is on a private or local network, which I never fetch",
      });
    } finally {
      await app.stop();
    }
    expect(await app.done).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
