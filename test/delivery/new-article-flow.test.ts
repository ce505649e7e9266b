import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createArticleSync } from "../../src/pipeline/index.js";
import { createDirectorySource } from "../../src/sources/index.js";
import { fixedClock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/logger.js";
import { createSqliteStore, openDatabase } from "../../src/store/index.js";
import { createCapturingChannel } from "../fakes/capturing-channel.js";
import { createTestEngine } from "./delivery-kit.js";

const SEEDS = new URL("../../seeds/", import.meta.url).pathname;
const titlesOf = (part: unknown) => String((part as { text: string }).text).split("\n");

describe("new articles flow into digests", () => {
  it("a file dropped into ARTICLES_DIR while running reaches the next digest, and only it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "flow-"));
    const articles = path.join(dir, "articles");
    mkdirSync(articles);
    copyFileSync(path.join(SEEDS, "000_9f5b4e2c2e6a3da1.txt"), path.join(articles, "a.txt"));
    const db = openDatabase(path.join(dir, "digest.db"));
    const store = createSqliteStore(db);
    const clock = fixedClock("2024-03-01T07:00:00Z");
    const sync = createArticleSync({
      source: createDirectorySource(articles, 1 << 20),
      cards: store.cards,
      clock,
      logger: silentLogger,
      intervalMs: 1_000,
    });
    const channel = createCapturingChannel();
    const { engine } = createTestEngine(store, channel, { clock });
    engine.start();
    try {
      await sync.scan();
      const sub = await store.subscriptions.create(
        {
          target: { platform: "telegram", chatId: "42", threadId: null },
          cron: "0 8 * * *",
          createdBy: "t",
        },
        clock.now(),
      );
      await engine.enqueue(sub, new Date("2024-03-01T08:00:00Z"), { catchUp: false });
      await engine.whenIdle();
      expect(channel.delivered.flatMap((r) => titlesOf(r.part))).toEqual([
        "Mobilization announced in Kazakhstan",
      ]);

      clock.set("2024-03-01T12:00:00Z");
      writeFileSync(
        path.join(articles, "b.txt"),
        "City opens 12 new parks\n\nThe city council opened 12 new parks on Monday.\nThey cost $4 million.\nWork took two years.\n",
      );
      expect((await sync.scan()).added).toBe(1);
      await engine.enqueue(sub, new Date("2024-03-02T08:00:00Z"), { catchUp: false });
      await engine.whenIdle();
      expect(channel.delivered.map((r) => titlesOf(r.part))).toEqual([
        ["Mobilization announced in Kazakhstan"],
        ["City opens 12 new parks"],
      ]);
    } finally {
      await engine.stop();
      db.close();
    }
  });
});
