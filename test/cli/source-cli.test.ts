import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FactCard } from "../../src/model/index.js";
import {
  createDynamicFeed,
  feedRoutes,
  fixture,
  newsEntry,
  startFakeHttpServer,
  type FakeHttpServer,
} from "../fakes/http/index.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const run = promisify(execFile);
const CWD = mkdtempSync(path.join(tmpdir(), "cli-cwd-"));
const TSX = path.join(ROOT, "node_modules/tsx/dist/loader.mjs");

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", TSX, path.join(ROOT, "src/main.ts"), "digest", ...args],
      { cwd: CWD, env: { PATH: process.env.PATH ?? "", ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let server: FakeHttpServer;
beforeAll(async () => {
  const feed = createDynamicFeed("City Wire", [newsEntry(1), newsEntry(2)]);
  server = await startFakeHttpServer({ ...feedRoutes(), "/news.xml": feed.route });
});
afterAll(() => server.close());

describe("the digest CLI with --source", () => {
  it("reads a local feed URL when private addresses are allowed", async () => {
    const url = `${server.origin}/news.xml`;
    const { code, stdout, stderr } = await cli(["--source", url, "--format", "json"], {
      ALLOW_PRIVATE_URLS: "true",
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const cards = FactCard.array().parse(JSON.parse(stdout));
    expect(cards.map((c) => [c.sourceId, c.key])).toEqual([
      [`feed:${url}`, "item-1"],
      [`feed:${url}`, "item-2"],
    ]);
  });

  it("refuses the same URL by default, without a request, exit 1", async () => {
    const before = server.requests.length;
    const { code, stdout, stderr } = await cli([
      "--source",
      `${server.origin}/news.xml`,
      "--format",
      "json",
    ]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([]);
    expect(stderr).toContain("private or local network");
    expect(server.requests.length).toBe(before);
  });

  it("prints the articles of a folder of text, page and feed files with --format articles", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cli-src-"));
    copyFileSync(path.join(ROOT, "seeds/004_8d732854f8d6dc12.txt"), path.join(dir, "a.txt"));
    writeFileSync(path.join(dir, "b.html"), fixture("plan.html"));
    writeFileSync(path.join(dir, "c.xml"), fixture("rss2.xml"));
    writeFileSync(path.join(dir, "d.json"), '{"not": "a feed"}');
    const { code, stdout, stderr } = await cli(["--source", dir, "--format", "articles"]);
    expect(stderr.trim()).toBe("d.json: not a feed");
    expect(code).toBe(1);
    const articles = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(articles[0]!)).toEqual([
      "source",
      "sourceId",
      "feed",
      "url",
      "title",
      "date",
      "place",
      "publisher",
      "text",
    ]);
    expect(articles[0]).toMatchObject({ source: "a.txt", feed: null });
    expect(articles[1]).toMatchObject({ source: "b.html", title: "Mayor announces plan" });
    expect(String(articles[1]!.text)).toContain("It costs 90 million.");
    expect(articles.slice(2).every((a) => a.feed === path.join(dir, "c.xml"))).toBe(true);
    expect(articles.length).toBeGreaterThan(3);
  });
});
