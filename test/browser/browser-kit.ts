import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { createHttpServer, createMetrics } from "../../src/adapters/http/index.js";
import { silentLogger, type Clock } from "../../src/lib/index.js";
import { createCardPreview } from "../../src/pipeline/index.js";
import { createQueries, createStoryQueries } from "../../src/queries/index.js";
import { createHttpClient, extractArticle } from "../../src/sources/index.js";
import type { Store } from "../../src/store/index.js";
import { RENDERERS } from "../http/card-renderers.js";

/** Debian's chromium (`npm run setup:browser`), or another build named by CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumFound = (): boolean => existsSync(CHROMIUM_PATH);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Chromium's sandbox refuses to start as root (CI containers); /dev/shm is small there too.
    args: [
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      "--disable-dev-shm-usage",
      "--disable-gpu",
    ],
  });
}

/**
 * The endpoint as the app builds it (status page, preview through a guarded client, the
 * platforms' renderers) over `store`; the preview may fetch only from 127.0.0.1.
 */
export async function startStatusSite(store: Store, clock: Clock) {
  const http = createHttpClient({ allowAddresses: ["127.0.0.1"] });
  const server = createHttpServer({
    port: 0,
    store,
    queries: createQueries({ store }),
    stories: createStoryQueries({ store, clock }),
    metrics: createMetrics({ store, processMetrics: false, clock }).registry,
    previewArticle: createCardPreview({ http, extractPage: extractArticle }),
    renderers: RENDERERS,
    logger: silentLogger,
    clock,
  });
  const { port } = await server.start();
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.stop();
      await http.close();
    },
  };
}
