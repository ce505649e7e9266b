import { afterEach, describe, expect, it } from "vitest";
import { createFakeDiscord, type FakeDiscord } from "../fakes/discord/fake-discord.js";
import { startFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.js";
import {
  countBy,
  freshDatabase,
  leaseHolderPid,
  ledgerCounts,
  seedDigest,
  startBotProcess,
  until,
  type BotProcess,
} from "./process-kit.js";

const probe = await freshDatabase();
await probe?.drop();
const LEASE_TTL_MS = 10_000;
/** Chats of the exactly-once test (MULTIPROC_CHATS overrides, for a quick local run). */
const CHATS = Number(process.env.MULTIPROC_CHATS ?? 1_000);
/** Telegram's sender concurrency: the most sends one process can have in flight when it dies. */
const TELEGRAM_IN_FLIGHT = 8;

describe.skipIf(probe === undefined)("several bot processes on one Postgres database", () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  let processes: BotProcess[] = [];
  afterEach(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await Promise.all(processes.map((p) => p.exited));
    processes = [];
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(telegramChats: number, discordChannels: number) {
    const db = (await freshDatabase())!;
    cleanups.push(() => db.drop());
    const tg: FakeTelegram = await startFakeTelegram();
    cleanups.push(() => tg.close());
    const discord: FakeDiscord = await createFakeDiscord();
    cleanups.push(() => discord.close());
    const chats: Array<{ platform: "telegram" | "discord"; chatId: string }> = [];
    for (let i = 0; i < telegramChats; i++) {
      const id = 500_000 + i;
      tg.addChat({ id, type: "private", firstName: `Reader ${i}` });
      chats.push({ platform: "telegram", chatId: String(id) });
    }
    const template = discord.state.channels.get(discord.ids.text)!;
    for (let i = 0; i < discordChannels; i++) {
      const id = String(1_200_000_000_000_000_000n + BigInt(i));
      discord.state.channels.set(id, { ...template, id, name: `news-${i}` });
      chats.push({ platform: "discord", chatId: id });
    }
    await seedDigest(db.url, chats);
    const env: Record<string, string> = {
      DATABASE_URL: db.url,
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      DELIVERY_LEASE_TTL: `${LEASE_TTL_MS / 1_000}s`,
      ...(discordChannels > 0
        ? {
            DISCORD_TOKEN: discord.token,
            DISCORD_APPLICATION_ID: discord.applicationId,
            DISCORD_API_ROOT: discord.apiRoot,
          }
        : {}),
    };
    return { db, tg, discord, chats, env };
  }

  /** The processes' last output lines, for a failure message. */
  const tails = () => processes.map((p) => `--- ${p.pid}\n${p.output().slice(-1_500)}`).join("\n");

  /**
   * One operator's layout: a process for the bots that also delivers, two more that deliver (no
   * ingest: its source folder would become the operator's source and filter out the seeded
   * cards). Not awaited:
   * each begins delivering as soon as its scheduler runs (on a loaded machine the three start
   * in 10-40 s).
   */
  function startThree(env: Record<string, string>) {
    processes = [
      startBotProcess("bots,deliver", env),
      startBotProcess("deliver", env),
      startBotProcess("deliver", env),
    ];
  }

  it(
    "3 processes and a scheduled digest to 1,000 chats: every chat gets it exactly once",
    { timeout: 300_000 },
    async () => {
      const { db, tg, chats, env } = await setUp(CHATS, 0);
      startThree({ ...env, TELEGRAM_SEND_RATE: "1000" });

      await until(
        async () => (await ledgerCounts(db.url))["telegram:sent"] === CHATS,
        240_000,
        () => `${tg.sent.length} messages so far\n${tails()}`,
      );
      // A late duplicate would need another slot or process: give them a moment to misbehave.
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      const perChat = countBy(tg.sent, (m) => String(m.chatId));
      expect(perChat.size).toBe(chats.length);
      expect([...perChat.values()].every((n) => n === 1)).toBe(true);
      expect(await ledgerCounts(db.url)).toEqual({ "telegram:sent": CHATS });
    },
  );

  it(
    "kill -9 of the delivery lease holder mid fan-out: another process takes over within the lease time, no duplicates",
    { timeout: 300_000 },
    async () => {
      const { db, tg, discord, chats, env } = await setUp(300, 300);
      // Slow enough that the kill lands in the middle of both platforms' fan-out.
      discord.fail({
        method: "POST",
        route: "/channels/:channelId/messages",
        times: Infinity,
        delayMs: 40,
      });
      startThree({ ...env, TELEGRAM_SEND_RATE: "60" });
      const discordPosted = () =>
        chats.filter((c) => c.platform === "discord" && discord.messages(c.chatId).length > 0)
          .length;

      await until(
        () => tg.sent.length >= 60 && discordPosted() >= 30,
        150_000,
        () => `${tg.sent.length} Telegram, ${discordPosted()} Discord\n${tails()}`,
      );
      const holders = new Set<number>();
      for (const name of ["deliver:telegram", "deliver:discord"]) {
        const pid = await leaseHolderPid(db.url, name);
        if (pid !== undefined) holders.add(pid);
      }
      const victims = processes.filter((p) => holders.has(p.pid));
      expect(victims.length).toBeGreaterThan(0);
      expect(victims.length).toBeLessThan(processes.length);
      const killedAt = Date.now();
      const sentBeforeKill = tg.sent.length;
      for (const victim of victims) victim.child.kill("SIGKILL");
      await Promise.all(victims.map((v) => v.exited));

      // Another process holds both platforms' leases, within the lease time of the kill.
      let takeoverMs = Number.POSITIVE_INFINITY;
      await until(async () => {
        const [t, d] = await Promise.all([
          leaseHolderPid(db.url, "deliver:telegram"),
          leaseHolderPid(db.url, "deliver:discord"),
        ]);
        const survivor = (pid: number | undefined) =>
          pid !== undefined && !holders.has(pid) && processes.some((p) => p.pid === pid);
        if (survivor(t) && survivor(d)) takeoverMs = Date.now() - killedAt;
        return Number.isFinite(takeoverMs);
      }, LEASE_TTL_MS + 5_000);
      expect(takeoverMs).toBeLessThan(LEASE_TTL_MS);

      await until(
        async () => {
          const counts = await ledgerCounts(db.url);
          return (
            (counts["telegram:pending"] ?? 0) +
              (counts["telegram:sending"] ?? 0) +
              (counts["discord:pending"] ?? 0) +
              (counts["discord:sending"] ?? 0) ===
              0 && Object.values(counts).reduce((a, b) => a + b, 0) === chats.length
          );
        },
        60_000,
        tails,
      );
      const counts = await ledgerCounts(db.url);
      const telegramChats = chats.filter((c) => c.platform === "telegram");
      const discordChannels = chats.filter((c) => c.platform === "discord");

      // Discord: the nonce makes a resend after the crash harmless: every channel one message.
      expect(discordChannels.map((c) => discord.messages(c.chatId).length)).toEqual(
        discordChannels.map(() => 1),
      );
      expect(counts["discord:sent"]).toBe(discordChannels.length);

      // Telegram: what was in flight at the kill is "uncertain", never resent; the rest sent once.
      const perChat = countBy(tg.sent, (m) => String(m.chatId));
      const uncertain = counts["telegram:uncertain"] ?? 0;
      expect(uncertain).toBeLessThanOrEqual(TELEGRAM_IN_FLIGHT);
      expect([...perChat.values()].every((n) => n === 1)).toBe(true);
      expect((counts["telegram:sent"] ?? 0) + uncertain).toBe(telegramChats.length);
      expect(counts["telegram:failed"] ?? 0).toBe(0);
      expect(perChat.size).toBeGreaterThanOrEqual(counts["telegram:sent"] ?? 0);
      expect(perChat.size).toBeLessThanOrEqual(telegramChats.length);
      expect(sentBeforeKill).toBeLessThan(telegramChats.length);
      process.stderr.write(
        `kill -9 test: takeover after ${takeoverMs} ms (lease ${LEASE_TTL_MS} ms); ` +
          `ledger ${JSON.stringify(counts)}; telegram messages ${tg.sent.length}\n`,
      );
    },
  );
});
