/**
 * `npm run bench:commands`: N different users (default 3,000) send `/subscribe` at the same
 * moment through the fake Telegram Bot API server to the whole app (real grammY client, SQLite in
 * a temp folder, every role). Reports the time until every user has the bot's answer, the slowest
 * answer's wait, CPU time, and how often the scheduler re-read the subscriptions.
 *
 *   npm run bench:commands -- [--users 3000]
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "../src/app/index.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/lib/logger.js";
import { startFakeTelegram } from "../test/fakes/telegram/index.js";

const { values: args } = parseArgs({ options: { users: { type: "string", default: "3000" } } });
const users = Number(args.users);
const SEEDS = new URL("../seeds/", import.meta.url).pathname;

const dir = mkdtempSync(path.join(tmpdir(), "bench-commands-"));
const articles = path.join(dir, "articles");
mkdirSync(articles);
for (const f of readdirSync(SEEDS)) copyFileSync(path.join(SEEDS, f), path.join(articles, f));
const tg = await startFakeTelegram();
const config = loadConfig({
  ARTICLES_DIR: articles,
  DATABASE_PATH: path.join(dir, "digest.db"),
  TELEGRAM_BOT_TOKEN: tg.token,
  TELEGRAM_API_ROOT: tg.apiRoot,
});
let reloads = 0;
const logger = createLogger({
  level: "debug",
  destination: {
    write: (line: string) => {
      if (line.includes('"msg":"subscriptions loaded"')) reloads++;
    },
  },
});
const app = createApp({ config, logger });
await app.start();
const before = reloads;

const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < users; i++) {
  const id = 500_000 + i;
  // Different hours and minutes, as real users pick: each subscription is its own schedule.
  tg.sendText({
    chat: id,
    from: { id, is_bot: false, first_name: `U${i}` },
    text: `/subscribe ${i % 60} ${i % 24} * * *`,
  });
}
// Counted as they come (digests that fall due meanwhile go to the same chats and are not answers).
let seen = 0;
let answered = 0;
await tg
  .waitFor(
    () => {
      for (; seen < tg.sent.length; seen++)
        if (tg.sent[seen]!.text.startsWith("Subscribed")) answered++;
      return answered >= users || undefined;
    },
    Number(process.env.BENCH_TIMEOUT_MS ?? 1_800_000),
  )
  .catch(() => undefined); // report what came
const wallS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const confirmed = tg.sent.filter((m) => m.text.startsWith("Subscribed")).length;
const others = new Set(
  tg.sent.filter((m) => !m.text.startsWith("Subscribed")).map((m) => m.text.split(" · ")[0]!),
);

await app.stop();
await tg.close();
rmSync(dir, { recursive: true, force: true });

const f = (n: number, d = 1) => n.toLocaleString("en-US", { maximumFractionDigits: d });
process.stdout.write(
  [
    `users: ${f(users)}, answered: ${f(tg.sent.length)}, "Subscribed": ${f(confirmed)}`,
    `all answered after: ${f(wallS, 2)} s wall (${f(users / wallS)} commands/s)`,
    `CPU: ${f((cpu.user + cpu.system) / 1e6, 2)} s`,
    `subscription reloads by the scheduler during the burst: ${f(reloads - before, 0)}`,
    ...[...others].map((t) => `other answer: ${t.slice(0, 120)}`),
  ].join("\n") + "\n",
);
