import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const TSX = path.join(ROOT, "node_modules/tsx/dist/loader.mjs");

let tg: FakeTelegram | undefined;
afterEach(async () => {
  await tg?.close();
  tg = undefined;
});

describe("npm start with a bot token", () => {
  it("runs the bot until SIGTERM, then stops cleanly with exit code 0 and no token in its output", async () => {
    tg = await startFakeTelegram();
    const dir = mkdtempSync(path.join(tmpdir(), "bot-process-"));
    const child = spawn(process.execPath, ["--import", TSX, path.join(ROOT, "src/main.ts")], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? "",
        ARTICLES_DIR: path.join(ROOT, "seeds"),
        DATABASE_PATH: path.join(dir, "data", "digest.db"),
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));

    await expect
      .poll(() => output, { timeout: 15_000, interval: 100 })
      .toContain('"msg":"running"');
    const alice = { id: 1001, is_bot: false, first_name: "Alice" };
    tg.sendText({ chat: alice.id, from: alice, text: "/latest 1" });
    const [reply] = await tg.waitForMessages(alice.id, 1, 5_000);
    expect(reply!.text).toContain("Kazakhstan");

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toContain(tg.token);
    expect(existsSync(path.join(dir, "data", "digest.db"))).toBe(true);
  });
});
