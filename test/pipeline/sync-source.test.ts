import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createArticleSync, type DigestFn } from "../../src/pipeline/index.js";
import { digestArticle } from "../../src/digest/index.js";
import {
  createDirectorySource,
  directorySourceId,
  fileArticle,
  type ArticleSource,
} from "../../src/sources/index.js";
import { ArticleError } from "../../src/lib/errors.js";
import { fixedClock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/logger.js";
import { createMemoryStore } from "../../src/store/index.js";

const SEED = readFileSync(new URL("../../seeds/004_8d732854f8d6dc12.txt", import.meta.url), "utf8");
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sync-"));
});
afterEach(async () => {
  vi.useRealTimers();
});

function setup() {
  const store = createMemoryStore();
  const sync = createArticleSync({
    source: createDirectorySource(dir, 1 << 20),
    cards: store.cards,
    clock: fixedClock("2024-01-01T00:00:00Z"),
    logger: silentLogger,
    intervalMs: 1000,
  });
  return { store, sync };
}

describe("article sync", () => {
  it("turns new files into cards, replaces changed ones, drops deleted ones", async () => {
    const { store, sync } = setup();
    writeFileSync(path.join(dir, "a.txt"), SEED);
    expect(await sync.scan()).toEqual({ added: 1, replaced: 0, removed: 0, skipped: [] });
    expect(await sync.scan()).toEqual({ added: 0, replaced: 0, removed: 0, skipped: [] });

    writeFileSync(path.join(dir, "a.txt"), SEED.replace("143 sporting", "144 sporting"));
    utimesSync(path.join(dir, "a.txt"), new Date(), new Date(Date.now() + 5000));
    expect((await sync.scan()).replaced).toBe(1);
    expect(await store.cards.count()).toBe(1);
    expect(JSON.stringify(await store.cards.latest({ limit: 1, offset: 0 }))).not.toContain(
      "143 sporting",
    );

    rmSync(path.join(dir, "a.txt"));
    expect((await sync.scan()).removed).toBe(1);
    expect(await store.cards.count()).toBe(0);
  });

  it("logs and skips a bad file while the good ones still arrive", async () => {
    const { store, sync } = setup();
    writeFileSync(path.join(dir, "bad.txt"), Buffer.from([0, 0, 0]));
    writeFileSync(path.join(dir, "good.txt"), SEED);
    const report = await sync.scan();
    expect(report.skipped).toEqual([
      { file: "bad.txt", reason: "binary file (contains NUL bytes)" },
    ]);
    expect((await store.cards.items(directorySourceId(dir))).map((s) => s.key)).toEqual([
      "good.txt",
    ]);
  });

  it("picks up a file dropped into the folder while running, without a restart", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { store, sync } = setup();
    sync.start();
    writeFileSync(path.join(dir, "late.txt"), SEED);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(async () => expect(await store.cards.count()).toBe(1));
    sync.stop();
  });

  it("takes articles from any source, not only a folder (the seam for feeds)", async () => {
    const store = createMemoryStore();
    const feed: ArticleSource = {
      id: "feed:test",
      removesGoneItems: false,
      list: async () => [
        { key: "feed:1", signature: "v1" },
        { key: "feed:2", signature: "v1" },
      ],
      read: async (key) =>
        key === "feed:1"
          ? { ok: true, article: fileArticle("feed:test", { source: key, text: SEED }) }
          : { ok: false, error: new ArticleError(key, "feed item has no body") },
    };
    const sync = createArticleSync({
      source: feed,
      cards: store.cards,
      clock: fixedClock("2024-01-01T00:00:00Z"),
      logger: silentLogger,
      intervalMs: 1000,
    });
    expect(await sync.scan()).toEqual({
      added: 1,
      replaced: 0,
      removed: 0,
      skipped: [{ file: "feed:2", reason: "feed item has no body" }],
    });
    expect((await store.cards.items("feed:test")).map((s) => s.key)).toEqual(["feed:1"]);
  });
});

describe("an article that crashed or timed out", () => {
  it("is remembered by signature and not summarized again after a restart until it changes", async () => {
    const dir2 = mkdtempSync(path.join(tmpdir(), "digest-failing-"));
    writeFileSync(path.join(dir2, "good.txt"), SEED);
    writeFileSync(path.join(dir2, "poison.txt"), SEED.replace("Kazakhstan", "Poison"));
    const store = createMemoryStore();
    let calls = 0;
    const digest: DigestFn = async (input) => {
      calls++;
      if (input.text.includes("Poison")) {
        return { ok: false, error: new ArticleError(input.source, "crashed the summarizer") };
      }
      return digestArticle(input);
    };
    const start = () =>
      createArticleSync({
        source: createDirectorySource(dir2, 1 << 20),
        cards: store.cards,
        clock: fixedClock("2024-01-01T00:00:00Z"),
        logger: silentLogger,
        intervalMs: 1000,
        digest,
        failures: store.kv,
      });
    expect((await start().scan()).skipped).toEqual([
      { file: "poison.txt", reason: "crashed the summarizer" },
    ]);
    expect(calls).toBe(2);
    // A restart (a new sync, same store): the poison file is not handed to the summarizer again.
    const again = await start().scan();
    expect(calls).toBe(3); // good.txt only
    expect(again.skipped[0]?.reason).toMatch(/^failed before, unchanged since: crashed/);
    // Once it changes it is tried again.
    writeFileSync(path.join(dir2, "poison.txt"), SEED);
    utimesSync(path.join(dir2, "poison.txt"), new Date(), new Date(Date.now() + 5_000));
    expect((await start().scan()).skipped).toEqual([]);
    expect(await store.cards.count()).toBe(2);
    rmSync(dir2, { recursive: true, force: true });
  });
});
