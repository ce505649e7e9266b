import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openPostgresStore, type PostgresStore } from "../../src/store/index.js";
import type { Platform } from "../../src/model/index.js";
import { makeCard } from "../fixtures/cards.js";
import { postgresUrl } from "../store/postgres-kit.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const TSX = path.join(ROOT, "node_modules/tsx/dist/loader.mjs");

/** A database of its own on the test server (processes share it through DATABASE_URL). */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const base = await postgresUrl();
  if (base === undefined) return undefined;
  const name = `multiproc_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Cards and one daily subscription per chat whose slot passed two minutes ago: every scheduler
 * that starts catches that slot up at once (within CATCHUP_GRACE), so the test need not wait
 * for a cron minute, and all schedulers race for the same slot.
 */
export async function seedDigest(
  url: string,
  chats: ReadonlyArray<{ platform: Platform; chatId: string }>,
): Promise<void> {
  const store: PostgresStore = await openPostgresStore({ connectionString: url });
  try {
    const now = Date.now();
    const slot = new Date(Math.floor(now / 60_000) * 60_000 - 120_000);
    const created = new Date(now - 600_000);
    for (let i = 1; i <= 3; i++) await store.cards.upsert(makeCard(i), new Date(now - 3_600_000));
    await store.transaction(async (tx) => {
      for (const chat of chats) {
        await tx.subscriptions.create(
          {
            target: { ...chat, threadId: null },
            cron: `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`,
            timezone: "UTC",
            createdBy: "test",
          },
          created,
        );
      }
    });
  } finally {
    await store.close();
  }
}

export interface BotProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the process logged that it runs. */
  running(timeoutMs?: number): Promise<void>;
}

/** `node --import tsx src/main.ts --role ROLE`, as an operator starts it. */
export function startBotProcess(role: string, env: Record<string, string>): BotProcess {
  const dir = mkdtempSync(path.join(tmpdir(), "multiproc-"));
  const child = spawn(
    process.execPath,
    ["--import", TSX, path.join(ROOT, "src/main.ts"), "--role", role],
    {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", ARTICLES_DIR: dir, LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    pid: child.pid!,
    output: () => output,
    exited,
    running: (timeoutMs = 30_000) =>
      until(
        () => output.includes('"msg":"running"'),
        timeoutMs,
        () => `no start:\n${output}`,
      ),
  };
}

export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  message: () => string = () => "condition not met",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${message()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The pid of a delivery lease's holder (`host:pid:random`), if held by a process of this host. */
export async function leaseHolderPid(url: string, name: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ holder: string; live: boolean }>(
      "SELECT holder, expires_at > now() AS live FROM lease WHERE name = $1",
      [name],
    );
    const row = rows[0];
    if (row === undefined || !row.live) return undefined;
    const [host, pid] = row.holder.split(":");
    return host === hostname() ? Number(pid) : undefined;
  } finally {
    await client.end();
  }
}

/** Ledger rows by platform and status. */
export async function ledgerCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string; n: string }>(
      "SELECT platform || ':' || status AS key, COUNT(*) AS n FROM ledger GROUP BY 1",
    );
    return Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
  } finally {
    await client.end();
  }
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
