import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync, copyFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { FactCard } from "../../src/digest/index.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const run = promisify(execFile);
// Run from an empty folder so a developer's own .env never leaks into these tests.
const CWD = mkdtempSync(path.join(tmpdir(), "cli-cwd-"));
const TSX = path.join(ROOT, "node_modules/tsx/dist/loader.mjs");

/** Runs the real CLI as other programs do; returns exit code and both streams. */
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", TSX, path.join(ROOT, "src/main.ts"), ...args],
      {
        cwd: CWD,
        env: { PATH: process.env.PATH ?? "", ARTICLES_DIR: path.join(ROOT, "seeds"), ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the digest CLI contract", () => {
  it("prints one JSON array of valid cards on stdout and nothing else, exit 0", async () => {
    const seeds = path.join(ROOT, "seeds");
    const { code, stdout, stderr } = await cli(["digest", "--articles", seeds, "--format", "json"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const cards = FactCard.array().parse(JSON.parse(stdout));
    expect(cards.map((c) => c.source)).toEqual(readdirSync(path.join(ROOT, "seeds")).sort());
  });

  it("skips bad files with one `FILE: reason` line each, still prints the rest, exit 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cli-"));
    copyFileSync(path.join(ROOT, "seeds/004_8d732854f8d6dc12.txt"), path.join(dir, "good.txt"));
    writeFileSync(path.join(dir, "empty.txt"), "");
    writeFileSync(path.join(dir, "binary.txt"), Buffer.from([0, 1, 2]));
    const { code, stdout, stderr } = await cli(["digest", "--articles", dir, "--format", "json"]);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      "binary.txt: binary file (contains NUL bytes)",
      "empty.txt: empty file",
    ]);
    expect(
      FactCard.array()
        .parse(JSON.parse(stdout))
        .map((c) => c.source),
    ).toEqual(["good.txt"]);
  });

  it("answers usage errors with exit 2 and a message on stderr", async () => {
    const bad = await cli(["digest", "--format", "xml"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("--format must be one of text, json, articles, stories");
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["digest", "--articles", "/nonexistent-dir"])).stderr).toContain(
      "/nonexistent-dir: folder not found",
    );
  });

  it("`npm start` without tokens prints the seeds' digest as text and exits 0", async () => {
    const { code, stdout } = await cli([]);
    expect(code).toBe(0);
    expect(stdout).toContain("Mobilization announced in Kazakhstan");
    expect(stdout).toContain("  • ");
    expect(stdout.match(/source: /g)).toHaveLength(3);
  });

  it("reports every config problem at once without echoing secrets", async () => {
    const { code, stderr } = await cli([], {
      MAX_ARTICLE_BYTES: "lots",
      DISCORD_TOKEN: "super-secret-discord-token-value",
    });
    expect(code).toBe(2);
    expect(stderr).toContain("MAX_ARTICLE_BYTES");
    expect(stderr).toContain("DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set");
    expect(stderr).not.toContain("super-secret-discord-token-value");
  });
});
