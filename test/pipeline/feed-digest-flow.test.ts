import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/logger.js";
import { createIngest } from "../../src/pipeline/index.js";
import { createHttpClient } from "../../src/sources/index.js";
import { createSqliteStore, openDatabase } from "../../src/store/index.js";
import { createCapturingChannel } from "../fakes/capturing-channel.js";
import { createDynamicFeed, newsEntry, startFakeHttpServer } from "../fakes/http/index.js";
import { createTestEngine } from "../delivery/delivery-kit.js";

const titlesOf = (part: unknown) => String((part as { text: string }).text).split("\n");

describe("feed items flow into scheduled digests", () => {
  it("a feed that gains two items between two slots sends those two, and never its backlog", async () => {
    const feed = createDynamicFeed("City Wire", [newsEntry(1), newsEntry(2)]);
    const server = await startFakeHttpServer({ "/news.xml": feed.route });
    const http = createHttpClient({ allowAddresses: ["127.0.0.1"] });
    const db = openDatabase(path.join(mkdtempSync(path.join(tmpdir(), "feed-flow-")), "d.db"));
    const store = createSqliteStore(db);
    const clock = fixedClock("2024-03-01T07:00:00Z");
    const channel = createCapturingChannel();
    const { engine } = createTestEngine(store, channel, { clock });
    const ingest = createIngest({
      store,
      http,
      clock,
      logger: silentLogger,
      sources: [`${server.origin}/news.xml`],
      maxArticleBytes: 1 << 20,
      rescanMs: 1_000,
      pollMinMs: 60_000,
    });
    engine.start();
    try {
      const sub = await store.subscriptions.create(
        {
          target: { platform: "telegram", chatId: "42", threadId: null },
          cron: "0 8 * * *",
          createdBy: "t",
          notifyEmpty: true,
        },
        clock.now(),
      );
      await ingest.scan();
      clock.set("2024-03-01T07:30:00Z");
      expect(await ingest.pollDue()).toBe(1);
      expect(await store.cards.count()).toBe(2);
      await engine.enqueue(sub, new Date("2024-03-01T08:00:00Z"), { catchUp: false });
      await engine.whenIdle();
      const first = channel.delivered.flatMap((r) => titlesOf(r.part)).join("\n");
      expect(first).not.toContain("Council approves");

      feed.items.unshift(newsEntry(3), newsEntry(4));
      clock.set("2024-03-01T12:00:00Z");
      expect(await ingest.pollDue()).toBe(1);
      await engine.enqueue(sub, new Date("2024-03-02T08:00:00Z"), { catchUp: false });
      await engine.whenIdle();
      const second = channel.delivered
        .slice(1)
        .flatMap((r) => titlesOf(r.part))
        .join("\n");
      expect(second).toContain("plan number 3");
      expect(second).toContain("plan number 4");
      expect(second).not.toMatch(/plan number [12]\b/);
    } finally {
      await engine.stop();
      await ingest.stop();
      await server.close();
      db.close();
    }
  });
});
