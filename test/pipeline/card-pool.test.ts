import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { digestArticle } from "../../src/digest/index.js";
import { createCardPool, type CardPool } from "../../src/pipeline/card-pool/index.js";

const fakeWorker = new URL("./fixtures/fake-card-worker.ts", import.meta.url);
const seedDir = new URL("../../../shared/seeds/", import.meta.url);
const pools: CardPool[] = [];
function pool(options: Parameters<typeof createCardPool>[0]): CardPool {
  const created = createCardPool(options);
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** Counts timer ticks until `work` settles: zero ticks would mean the main thread was blocked. */
async function ticksDuring<T>(work: Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  try {
    return { value: await work, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe("the card pool", () => {
  it("cards an article on a worker thread exactly as in process", async () => {
    const text = await readFile(new URL("000_9f5b4e2c2e6a3da1.txt", seedDir), "utf8");
    const article = { source: "000.txt", text };
    const result = await pool({ size: 1 }).digest(article);
    expect(result).toEqual(digestArticle(article));
    expect(result.ok).toBe(true);
  });

  it("returns a card or a named error for adversarial articles", async () => {
    const cards = pool({ size: 2 });
    const spam = `Links\n\n${"'http://x'".repeat(1_500)}`;
    const soup = `Soup\n\n${"<b".repeat(5_000)} ${"&#xD800;".repeat(500)}`;
    for (const result of await Promise.all([
      cards.digest({ source: "spam.txt", text: spam }),
      cards.digest({ source: "soup.txt", text: soup }),
    ]))
      if (!result.ok) expect(result.error.name).toBe("ArticleError");
  });

  it("keeps the main thread responsive while a worker is stuck, then skips the article", async () => {
    const cards = pool({ size: 1, timeoutMs: 400, workerUrl: fakeWorker });
    await cards.digest({ source: "ok.txt", text: "Warm" });
    const { value, ticks } = await ticksDuring(cards.digest({ source: "hang.txt", text: "x" }));
    expect(value.ok).toBe(false);
    if (!value.ok)
      expect(value.error.message).toBe("hang.txt: took longer than 400 ms to summarize; skipped");
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect((await cards.digest({ source: "ok.txt", text: "Still here" })).ok).toBe(true);
  });

  it("skips an article whose worker runs out of heap, and keeps carding with a new worker", async () => {
    const cards = pool({ size: 1, maxHeapMb: 32, workerUrl: fakeWorker });
    const hog = await cards.digest({ source: "hog.txt", text: "x" });
    expect(hog.ok).toBe(false);
    if (!hog.ok)
      expect(hog.error.message).toBe(
        "hog.txt: needed more than 32 MB of memory to summarize; skipped",
      );
    const after = await cards.digest({ source: "ok.txt", text: "Still here" });
    expect(after.ok && after.card.title).toBe("Still here");
  });

  it("names a crashed worker's article and serves the others queued behind it", async () => {
    const cards = pool({ size: 1, workerUrl: fakeWorker });
    const [crash, next] = await Promise.all([
      cards.digest({ source: "crash.txt", text: "x" }),
      cards.digest({ source: "ok.txt", text: "Next" }),
    ]);
    expect(crash.ok).toBe(false);
    if (!crash.ok) expect(crash.error.message).toMatch(/^crash\.txt: crashed the summarizer/);
    expect(next.ok).toBe(true);
  });

  it("gives articles still waiting an error on close, and closes twice without harm", async () => {
    const cards = createCardPool({ size: 1, workerUrl: fakeWorker });
    const waiting = cards.digest({ source: "hang.txt", text: "x" });
    await cards.close();
    await cards.close();
    const result = await waiting;
    expect(result.ok).toBe(false);
    expect((await cards.digest({ source: "late.txt", text: "x" })).ok).toBe(false);
  });

  it("works when the program runs under the tsx CLI, as the app does", async () => {
    const tsx = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
    const script = new URL("./fixtures/pool-cli.ts", import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(tsx, [script], { timeout: 20_000 });
    expect(JSON.parse(stdout)).toMatchObject({
      source: "cli.txt",
      title: "Council approves budget",
    });
  });
});
