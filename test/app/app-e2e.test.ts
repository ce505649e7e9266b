import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/index.js";
import { loadConfig } from "../../src/config.js";
import type { Clock } from "../../src/lib/clock.js";
import { createLogger } from "../../src/lib/logger.js";
import { createFakeDiscord, type FakeDiscord, type Json } from "../fakes/discord/fake-discord.js";
import { faults, startFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.js";

const SEEDS = new URL("../../seeds/", import.meta.url).pathname;
const alice = { id: 1001, is_bot: false, first_name: "Alice", username: "alice" };

/** Real time shifted so the next cron minute starts `lead` ms from now: a slot fires in seconds. */
function clockBeforeMinute(leadMs: number): Clock {
  const now = Date.now();
  const offset = Math.ceil(now / 60_000) * 60_000 + 60_000 - leadMs - now;
  return { now: () => new Date(Date.now() + offset) };
}

interface Running {
  app: App;
  done: Promise<number>;
  logs: string[];
  tg: FakeTelegram;
  discord: FakeDiscord;
  dir: string;
}

let running: Running | undefined;
afterEach(async () => {
  if (!running) return;
  await running.app.stop();
  await running.done;
  await running.tg.close();
  await running.discord.close();
  running = undefined;
});

async function startApp(
  options: { leadMs?: number; reuse?: Running; env?: Record<string, string> } = {},
): Promise<Running> {
  const dir = options.reuse?.dir ?? mkdtempSync(path.join(tmpdir(), "app-"));
  const articles = path.join(dir, "articles");
  if (!options.reuse) {
    mkdirSync(articles);
    for (const f of readdirSync(SEEDS)) copyFileSync(path.join(SEEDS, f), path.join(articles, f));
  }
  const tg = options.reuse?.tg ?? (await startFakeTelegram());
  const discord = options.reuse?.discord ?? (await createFakeDiscord());
  const config = loadConfig({
    ARTICLES_DIR: articles,
    DATABASE_PATH: path.join(dir, "db", "digest.db"),
    RESCAN_INTERVAL: "1s",
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_ROOT: discord.apiRoot,
    ...options.env,
  });
  const logs: string[] = [];
  const logger = createLogger({
    level: "debug",
    secrets: [tg.token, discord.token],
    destination: { write: (line: string) => void logs.push(line) },
  });
  const app = createApp({ config, logger, clock: clockBeforeMinute(options.leadMs ?? 4_000) });
  await app.start();
  const done = app.done;
  running = { app, done, logs, tg, discord, dir };
  return running;
}

describe("the whole app against local Telegram and Discord servers", () => {
  it("delivers a Telegram chat's scheduled digest at its minute, with the seeds' cards", async () => {
    const { tg, logs } = await startApp();
    tg.sendText({ chat: alice.id, from: alice, text: "/subscribe * * * * *" });
    const [confirm] = await tg.waitForMessages(alice.id, 1, 5_000);
    expect(confirm!.text).toMatch(/^Subscribed: /);
    const messages = await tg.waitForMessages(alice.id, 2, 15_000);
    const digest = messages
      .slice(1)
      .map((m) => m.text)
      .join("\n");
    expect(digest).toContain("Mobilization announced in Kazakhstan");
    expect(digest).toContain("752");
    expect(logs.join("")).not.toContain(tg.token);
  });

  it("posts a scheduled digest to a Telegram channel subscribed by its admin", async () => {
    const { tg } = await startApp();
    const CHANNEL = -100900;
    tg.addChat({ id: CHANNEL, type: "channel", title: "Digest News", username: "digest_news" });
    tg.setMember(CHANNEL, alice, "creator");
    tg.setMember(CHANNEL, tg.bot, "administrator", { can_post_messages: true });
    tg.sendText({ chat: alice.id, from: alice, text: "/subscribe @digest_news * * * * * UTC 2" });
    const [confirm] = await tg.waitForMessages(alice.id, 1, 5_000);
    expect(confirm!.text).toMatch(/^Subscribed for @digest_news/);
    const posts = await tg.waitForMessages(CHANNEL, 1, 15_000);
    expect(posts.map((p) => p.text).join("\n")).toContain("Kazakhstan");
  });

  it("posts a scheduled Discord digest with a nonce and no mentions", async () => {
    const { discord } = await startApp();
    const call = discord.runCommand({
      name: "subscribe",
      options: { channel: discord.ids.text, cron: "* * * * *" },
    });
    const edit = await call.waitFor("edit");
    expect((edit.body as Json).content).toContain("Subscribed");
    const post = await discord.waitForRequest(
      (r) => r.method === "POST" && r.path === `/channels/${discord.ids.text}/messages`,
      15_000,
    );
    const body = post.body as Json;
    expect(typeof body.nonce).toBe("string");
    expect(body.enforce_nonce).toBe(true);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(body.embeds)).toContain("Kazakhstan");
  });

  it("keeps subscriptions across a restart and does not send a slot twice", async () => {
    const first = await startApp();
    first.tg.sendText({ chat: alice.id, from: alice, text: "/subscribe * * * * *" });
    await first.tg.waitForMessages(alice.id, 2, 15_000);
    await first.app.stop();
    expect(await first.done).toBe(0);
    const sentBefore = first.tg.messagesTo(alice.id).length;

    running = await startApp({ reuse: first, leadMs: 50_000 });
    running.tg.sendText({ chat: alice.id, from: alice, text: "/subscriptions" });
    const [list] = (await running.tg.waitForMessages(alice.id, sentBefore + 1, 5_000)).slice(
      sentBefore,
    );
    expect(list!.text).toContain("* * * * *");
    // The slot already delivered before the restart is not caught up again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(running.tg.messagesTo(alice.id)).toHaveLength(sentBefore + 1);
  });

  it("stops with exit code 1 and a clear, token-free log line when Telegram rejects the token", async () => {
    const base = await startApp();
    await base.app.stop();
    await base.done;
    const badToken = "123456:WRONG-token-value-for-this-test-xyz";
    running = await startApp({ reuse: base, env: { TELEGRAM_BOT_TOKEN: badToken } });
    expect(await running.done).toBe(1);
    const log = running.logs.join("");
    expect(log).toContain("could not start");
    expect(log).not.toContain(badToken);
  });

  it("waits out a Telegram 429 in the middle of a digest and delivers it once", async () => {
    const { tg } = await startApp();
    const CHANNEL = -100901;
    tg.addChat({ id: CHANNEL, type: "channel", title: "Busy", username: "busy_news" });
    tg.setMember(CHANNEL, alice, "creator");
    tg.setMember(CHANNEL, tg.bot, "administrator", { can_post_messages: true });
    tg.fault({ method: "sendMessage", chatId: CHANNEL, fault: faults.rateLimited(1) });
    tg.sendText({ chat: alice.id, from: alice, text: "/subscribe @busy_news * * * * *" });
    await tg.waitForMessages(alice.id, 1, 5_000);
    const [post] = await tg.waitForMessages(CHANNEL, 1, 15_000);
    const attempts = tg
      .callsOf("sendMessage")
      .filter((c) => String(c.params.chat_id) === String(CHANNEL));
    expect(attempts).toHaveLength(2);
    expect(post!.text).toContain("Kazakhstan");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tg.messagesTo(CHANNEL)).toHaveLength(1);
  });

  it("turns off a Discord subscription at once when its channel was deleted", async () => {
    const { discord, logs } = await startApp();
    const call = discord.runCommand({
      name: "subscribe",
      options: { channel: discord.ids.announcement, cron: "* * * * *" },
    });
    await call.waitFor("edit");
    discord.deleteChannel(discord.ids.announcement);
    await expect
      .poll(() => logs.join(""), { timeout: 15_000, interval: 200 })
      .toMatch(/"deactivate":true[^\n]*chat unreachable/);
    expect(discord.messages(discord.ids.announcement)).toHaveLength(0);
  });

  it("answers /latest, /card and /search from the stored cards on both platforms", async () => {
    const { tg, discord } = await startApp({ leadMs: 50_000 });
    tg.sendText({ chat: alice.id, from: alice, text: "/latest 3" });
    const [latest] = await tg.waitForMessages(alice.id, 1, 5_000);
    expect(latest!.text).toContain("Mobilization announced in Kazakhstan");
    // The id shown under the card (stable for this folder and file) finds it again.
    const shownId = /(?:ID|id) ([0-9a-f]{12})/.exec(latest!.text)?.[1];
    expect(shownId).toBeDefined();
    tg.sendText({ chat: alice.id, from: alice, text: `/card ${shownId!.slice(0, 6)}` });
    const [, card] = await tg.waitForMessages(alice.id, 2, 5_000);
    expect(card!.text).toContain(`ID ${shownId}`);
    tg.sendText({ chat: alice.id, from: alice, text: "/search peacekeeping" });
    const [, , found] = await tg.waitForMessages(alice.id, 3, 5_000);
    expect(found!.text).toContain("peacekeeping missions in 2023");

    const call = discord.runCommand({ name: "latest", options: { count: 2 } });
    const edit = await call.waitFor("edit");
    expect(JSON.stringify((edit.body as Json).embeds)).toContain("Kazakhstan");
  });
});
