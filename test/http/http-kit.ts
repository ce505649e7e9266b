import {
  createHttpServer,
  createMetrics,
  type HttpServerDeps,
} from "../../src/adapters/http/index.js";
import { fixedClock, silentLogger } from "../../src/lib/index.js";
import { createQueries } from "../../src/queries/index.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";

export const NOW = "2026-03-02T10:00:00.000Z";

/** Starts a server on 127.0.0.1 with a free port; `url(path)` addresses it. */
export async function startServer(
  overrides: Partial<HttpServerDeps> & { store?: Store } = {},
): Promise<{
  url: (path: string) => string;
  store: Store;
  stop: () => Promise<void>;
}> {
  const store = overrides.store ?? createMemoryStore();
  const clock = fixedClock(NOW);
  const server = createHttpServer({
    port: 0,
    queries: createQueries({ store }),
    store,
    metrics: createMetrics({ store, leases: ["deliver:telegram"], processMetrics: false, clock })
      .registry,
    logger: silentLogger,
    clock,
    ...overrides,
  });
  const { port } = await server.start();
  const host = overrides.host ?? "127.0.0.1";
  return { url: (path) => `http://${host}:${port}${path}`, store, stop: () => server.stop() };
}
