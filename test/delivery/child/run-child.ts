import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createSqliteStore, openDatabase } from "../../../src/store/index.js";
import { makeCard } from "../../fixtures/cards.js";
import type { ChildArgs } from "./deliver-slot.js";

const SCRIPT = fileURLToPath(new URL("./deliver-slot.ts", import.meta.url));

export interface ChildRun {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
}

export function runChild(args: ChildArgs): ChildRun {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, JSON.stringify(args)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, exited };
}

/** A temp folder with a database holding `chats` subscriptions (one per chat) and a few cards. */
export async function seedDatabase(chats: number, slot: Date) {
  const dir = mkdtempSync(join(tmpdir(), "digest-delivery-"));
  const db = openDatabase(join(dir, "digest.db"));
  const store = createSqliteStore(db);
  const before = new Date(slot.getTime() - 3_600_000);
  for (let i = 1; i <= 5; i++) await store.cards.upsert(makeCard(i), before);
  await store.transaction(async (tx) => {
    for (let i = 0; i < chats; i++) {
      await tx.subscriptions.create(
        {
          target: { platform: "telegram", chatId: `chat-${i}`, threadId: null },
          cron: "0 8 * * *",
          createdBy: "t",
        },
        before,
      );
    }
  });
  db.close();
  return {
    dir,
    db: join(dir, "digest.db"),
    log: join(dir, "deliveries.tsv"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Deliveries the fake platform recorded: one line per message that reached a chat. */
export function readDeliveries(log: string): Array<{ nonce: string; chatId: string; pid: string }> {
  if (!existsSync(log)) return [];
  return readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [nonce = "", chatId = "", pid = ""] = line.split("\t");
      return { nonce, chatId, pid };
    });
}

export function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
