import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { faults, startFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const TSX = path.join(ROOT, "node_modules/tsx/dist/loader.mjs");
let tg: FakeTelegram | undefined;

afterEach(async () => {
  await tg?.close();
  tg = undefined;
});

/** The real app process (`npm start`), its whole output collected. */
function startBot(env: Record<string, string>, args: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), "stop-during-start-"));
  const child = spawn(
    process.execPath,
    ["--import", TSX, path.join(ROOT, "src/main.ts"), ...args],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? "",
        ARTICLES_DIR: path.join(ROOT, "seeds"),
        DATABASE_PATH: path.join(dir, "digest.db"),
        LOG_FORMAT: "json",
        ...env,
      },
    },
  );
  const run = { output: "", exited: new Promise<number | null>((r) => child.on("exit", r)), child };
  child.stdout.on("data", (chunk: Buffer) => (run.output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (run.output += chunk.toString()));
  return run;
}

/** A clean stop: exit 0, "stopped" logged, no fatal line, no TypeError, never "running". */
async function expectCleanStop(run: ReturnType<typeof startBot>) {
  expect(await run.exited).toBe(0);
  expect(run.output).toContain('"msg":"stopped"');
  expect(run.output).not.toContain("TypeError");
  expect(run.output).not.toContain('"level":60');
  expect(run.output).not.toContain('"msg":"running"');
}

describe("a SIGTERM while the bot is still starting", () => {
  it("stops cleanly with exit 0 and no fatal error while Telegram is slow to answer getMe", async () => {
    tg = await startFakeTelegram();
    tg.fault({ method: "getMe", times: Infinity, fault: faults.delay(4_000) });
    const run = startBot({ TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot });

    // getMe has been asked and not yet answered: the bot is mid start-up.
    await expect
      .poll(() => tg!.calls.some((c) => c.method === "getMe"), { timeout: 60_000, interval: 50 })
      .toBe(true);
    run.child.kill("SIGTERM");
    await expectCleanStop(run);
  }, 120_000);

  it("stops cleanly with exit 0 while the first scan of a large folder is still reading", async () => {
    const articles = mkdtempSync(path.join(tmpdir(), "stop-during-scan-"));
    const seed = readFileSync(path.join(ROOT, "seeds", readdirSync(path.join(ROOT, "seeds"))[0]!));
    for (let i = 0; i < 400; i++) writeFileSync(path.join(articles, `a${i}.txt`), seed);
    const run = startBot({ ARTICLES_DIR: articles }, ["--role", "ingest"]);

    // The database is open and the scan has begun (it ends with "articles synced").
    await expect
      .poll(() => run.output.includes("creating a new database"), { timeout: 60_000, interval: 20 })
      .toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(run.output).not.toContain("articles synced");
    run.child.kill("SIGTERM");
    await expectCleanStop(run);
  }, 120_000);
});
