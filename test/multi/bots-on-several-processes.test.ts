import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { webhookSecretFor } from "../../src/adapters/telegram/index.js";
import { createFakeDiscord, type FakeDiscord } from "../fakes/discord/fake-discord.js";
import { startFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.js";
import { killAll, sharedDatabase, spawnBot, type BotProcess } from "./bot-processes.js";

const SEEDS = new URL("../../seeds/", import.meta.url).pathname;
const alice = { id: 1001, is_bot: false, first_name: "Alice" };
// Checked once at load: without a server the suite is skipped (one line from the kit says so).
const postgres = await sharedDatabase();
await postgres?.drop();

let processes: BotProcess[] = [];
let closers: Array<() => Promise<void>> = [];
let databaseUrl = "";
beforeEach(async () => {
  // A schema per test: a new fake bot numbers its updates from 1 again.
  const database = await sharedDatabase();
  if (database === undefined) return;
  databaseUrl = database.databaseUrl;
  closers.push(() => database.drop());
});
afterEach(async () => {
  await killAll(processes);
  for (const close of closers.reverse()) await close();
  processes = [];
  closers = [];
});

const botEnv = (extra: Record<string, string>) => ({
  ARTICLES_DIR: path.resolve(SEEDS),
  DATABASE_URL: databaseUrl,
  BOT_LEASE_TTL: "3s",
  ...extra,
});
const start = (env: Record<string, string>) => {
  const p = spawnBot(botEnv(env), ["--role", "bots"]);
  processes.push(p);
  return p;
};
/** Waits for `count` replies to Alice; on failure says what the processes logged. */
const replies = (tg: FakeTelegram, count: number) =>
  tg.waitForMessages(alice.id, count, 30_000).catch((error: unknown) => {
    const logs = processes.map((p) => p.output.slice(-2_000)).join("\n---\n");
    throw new Error(`${String(error)}\n${logs}`);
  });
const portOf = async (p: BotProcess) =>
  Number(/"port":(\d+)/.exec(await p.waitFor("http endpoint listening"))![1]);

/** A load balancer that hands every request to each backend, as a retry to another process would. */
async function duplicatingBalancer(backends: () => number[]): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => k.startsWith("x-") || k === "content-type"),
      ) as Record<string, string>;
      const body = Buffer.concat(chunks);
      void Promise.all(
        backends().map((port) =>
          fetch(`http://127.0.0.1:${port}${req.url}`, { method: "POST", headers, body }).then(
            (r) => r.status,
          ),
        ),
      ).then((statuses) => res.writeHead(Math.min(...statuses)).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return server;
}

describe.skipIf(postgres === undefined)(
  "bots on several processes (real processes, one Postgres)",
  () => {
    it("handles a webhook update posted to two processes once", { timeout: 120_000 }, async () => {
      const tg: FakeTelegram = await startFakeTelegram();
      closers.push(() => tg.close());
      let ports: number[] = [];
      const balancer = await duplicatingBalancer(() => ports);
      const url = `http://127.0.0.1:${(balancer.address() as AddressInfo).port}/telegram`;
      const env = {
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        TELEGRAM_WEBHOOK_URL: url,
        HTTP_PORT: "0",
      };
      const [a, b] = [start(env), start(env)];
      ports = await Promise.all([portOf(a), portOf(b)]);
      await Promise.all([a.waitFor('"msg":"running"'), b.waitFor('"msg":"running"')]);
      expect(tg.webhookInfo().url).toBe(url);

      tg.sendText({ chat: alice.id, from: alice, text: "/help" });
      await replies(tg, 1);
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // room for a second reply
      expect(tg.messagesTo(alice.id)).toHaveLength(1);
      expect([a.output, b.output].join("")).toContain("update handled elsewhere; skipped");

      // The secret is the same in every process (derived from the token) and still checked.
      const forged = await fetch(`http://127.0.0.1:${ports[0]}/telegram`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ update_id: 999 }),
      });
      expect(forged.status).toBe(401);
      const wrong = webhookSecretFor("another-token");
      expect(wrong).not.toBe(webhookSecretFor(tg.token));
    });

    it(
      "lets one process long-poll Telegram and another take over when it is killed, never a 409",
      {
        timeout: 120_000,
      },
      async () => {
        const tg: FakeTelegram = await startFakeTelegram();
        closers.push(() => tg.close());
        const env = { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot };
        const a = start(env);
        await a.waitFor('"msg":"running"');
        const b = start(env);
        await b.waitFor('"msg":"running"');
        await b.waitFor("lease held elsewhere; waiting");
        const pollers = () =>
          [a, b].filter((p) => /"lease":"telegram:poll".*"msg":"lease taken"/.test(p.output));
        expect(pollers()).toEqual([a]);

        tg.sendText({ chat: alice.id, from: alice, text: "/help" });
        await replies(tg, 1);

        a.child.kill("SIGKILL");
        await a.exited;
        await b.waitFor(/"lease":"telegram:poll".*"msg":"lease taken"/, 30_000);
        tg.sendText({ chat: alice.id, from: alice, text: "/help" });
        await replies(tg, 2);
        expect(tg.messagesTo(alice.id)).toHaveLength(2);
        expect(tg.conflicts()).toBe(0);
      },
    );

    it(
      "connects each Discord shard from one process and reconnects it elsewhere when that process is killed",
      {
        timeout: 120_000,
      },
      async () => {
        const discord: FakeDiscord = await createFakeDiscord();
        closers.push(() => discord.close());
        const env = {
          DISCORD_TOKEN: discord.token,
          DISCORD_APPLICATION_ID: discord.applicationId,
          DISCORD_API_ROOT: discord.apiRoot,
          DISCORD_SHARDS: "2",
        };
        const a = start(env);
        await a.waitFor('"msg":"running"');
        const b = start(env);
        await b.waitFor('"msg":"running"');
        const holderOf = (shard: number) =>
          [a, b].filter((p) =>
            new RegExp(`"lease":"discord:shard:${shard}".*"msg":"lease taken"`).test(p.output),
          );
        expect(holderOf(0)).toHaveLength(1);
        expect(holderOf(1)).toHaveLength(1);
        expect([discord.gateway.identifyCount(0), discord.gateway.identifyCount(1)]).toEqual([
          1, 1,
        ]);
        expect([discord.gateway.sessionsOf(0), discord.gateway.sessionsOf(1)]).toEqual([1, 1]);

        const holder = holderOf(0)[0]!;
        const heldBoth = holderOf(1)[0] === holder;
        const survivor = holder === a ? b : a;
        holder.child.kill("SIGKILL");
        await holder.exited;
        await survivor.waitFor(/"lease":"discord:shard:0".*"msg":"lease taken"/, 30_000);
        await expect
          .poll(() => discord.gateway.sessionsOf(0), { timeout: 20_000, interval: 100 })
          .toBe(1);
        expect(discord.gateway.identifyCount(0)).toBe(2);
        // Shard 1 follows (a new IDENTIFY) only if the killed process held it too.
        await expect
          .poll(() => discord.gateway.sessionsOf(1), { timeout: 20_000, interval: 100 })
          .toBe(1);
        expect(discord.gateway.identifyCount(1)).toBe(heldBoth ? 2 : 1);
      },
    );
  },
);
