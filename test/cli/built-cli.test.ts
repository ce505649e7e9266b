import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { FactCard } from "../../src/digest/index.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const run = promisify(execFile);
const CWD = mkdtempSync(path.join(tmpdir(), "built-cli-"));

/** Packages a local digest must not load: each costs start-up time the CLI never uses. */
const HEAVY = [
  "grammy",
  "discord.js",
  "pg",
  "hono",
  "@hono/node-server",
  "better-sqlite3",
  "undici",
  "linkedom",
  "feedsmith",
  "prom-client",
];

const newestIn = (dir: string): number =>
  Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newestIn(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs,
    ),
  );

describe("the built CLI (npm start / npm run digest)", () => {
  it("builds dist/ when stale and prints the same cards as the TypeScript sources", async () => {
    const seeds = path.join(ROOT, "seeds");
    const env = { PATH: process.env.PATH ?? "", ARTICLES_DIR: seeds };
    const { stdout } = await run(
      process.execPath,
      [path.join(ROOT, "scripts/run.mjs"), "digest", "--format", "json"],
      { cwd: CWD, env },
    );
    const cards = FactCard.array().parse(JSON.parse(stdout));
    expect(cards.map((c) => c.source)).toEqual(readdirSync(seeds).sort());
    expect(statSync(path.join(ROOT, "dist/main.js")).mtimeMs).toBeGreaterThanOrEqual(
      newestIn(path.join(ROOT, "src")),
    );
  });

  it("loads no bot SDK, database driver, web server or network stack for a local digest", async () => {
    await run(process.execPath, [path.join(ROOT, "scripts/build.mjs"), "--if-stale"]);
    const main = readFileSync(path.join(ROOT, "dist/main.js"), "utf8");
    const staticImports = [...main.matchAll(/^import\s[^;]*?from\s*"([^"]+)";?$/gm)].map(
      (m) => m[1],
    );
    expect(staticImports).toContain("wink-nlp"); // the parse works: the summarizer is there
    expect(staticImports.filter((p) => HEAVY.includes(p!))).toEqual([]);
  });
});
