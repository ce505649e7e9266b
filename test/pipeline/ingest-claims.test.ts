import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/logger.js";
import { createIngest } from "../../src/pipeline/index.js";
import { createHttpClient } from "../../src/sources/index.js";
import { createMemoryStore } from "../../src/store/index.js";
import { createDynamicFeed, newsEntry, startFakeHttpServer } from "../fakes/http/index.js";

describe("several ingests on one store", () => {
  it("polls each due feed once between them, and again only when it is due again", async () => {
    const feed = createDynamicFeed("City Wire", [newsEntry(1)]);
    const server = await startFakeHttpServer({}, feed.route);
    const store = createMemoryStore();
    const clock = fixedClock("2024-03-01T07:00:00Z");
    const urls = Array.from({ length: 12 }, (_, i) => `${server.origin}/feed-${i}.xml`);
    for (const url of urls) {
      await store.sources.add(
        { id: `feed:${url}`, url, kind: "feed", title: null, addedBy: null },
        clock.now(),
      );
    }
    const ingests = ["p1", "p2", "p3"].map((holder) =>
      createIngest({
        store,
        http: createHttpClient({ allowAddresses: ["127.0.0.1"] }),
        clock,
        logger: silentLogger,
        holder,
        sources: [],
        maxArticleBytes: 1 << 20,
        rescanMs: 60_000,
        pollMinMs: 60_000,
        pollMaxMs: 60_000,
      }),
    );
    try {
      const polled = await Promise.all(ingests.map((i) => i.pollDue()));
      expect(polled.reduce((a, b) => a + b, 0)).toBe(12);
      const paths = server.requests.map((r) => r.path).sort();
      expect(paths).toEqual(urls.map((u) => new URL(u).pathname).sort());
      expect(await Promise.all(ingests.map((i) => i.pollDue()))).toEqual([0, 0, 0]);
      clock.set("2024-03-01T07:01:00Z");
      await Promise.all(ingests.map((i) => i.pollDue()));
      expect(server.requests).toHaveLength(24);
    } finally {
      await Promise.all(ingests.map((i) => i.stop()));
      await server.close();
    }
  });
});
