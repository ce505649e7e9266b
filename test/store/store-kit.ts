import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "better-sqlite3";
import {
  createMemoryStore,
  createSqliteStore,
  openDatabase,
  type NewLedgerRow,
  type Store,
} from "../../src/store/index.js";
import { postgresImplementation } from "./postgres-kit.js";
import type { NewSubscription } from "../../src/delivery/index.js";

/** Deterministic ids: 0,1,2,... mapped onto the id alphabet. */
export function counterRandom(): (max: number) => number {
  let n = 0;
  return (max) => n++ % max;
}

/** A seeded PRNG (mulberry32): the same ids in every run, as varied as random ones. */
export function seededRandom(seed = 1): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  };
}

export interface StoreHandle {
  store: Store;
  close(): Promise<void>;
}

export type OpenStore = () => Promise<StoreHandle>;

/**
 * Every store, with deterministic subscription ids so a test sees the same ids every run. Postgres
 * joins when TEST_DATABASE_URL is set or a server answers on 127.0.0.1:5432 (each test in a fresh
 * schema, dropped on close).
 */
export const implementations: Array<[string, OpenStore]> = [
  [
    "memory",
    async () => ({ store: createMemoryStore({ random: seededRandom() }), close: async () => {} }),
  ],
  [
    "sqlite",
    async () => {
      const db = openDatabase(":memory:");
      return {
        store: createSqliteStore(db, { random: seededRandom() }),
        close: async () => {
          db.close();
        },
      };
    },
  ],
  ...(await postgresImplementation(seededRandom)),
];

/** A real database file in a fresh temp folder. */
export function tempDatabase(): { path: string; dir: string; open(): Database; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "digest-store-"));
  const path = join(dir, "nested", "digest.db");
  return {
    path,
    dir,
    open: () => openDatabase(path),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function newSub(chatId: string, overrides: Partial<NewSubscription> = {}): NewSubscription {
  return {
    target: { platform: "telegram", chatId, threadId: null },
    cron: "0 8 * * *",
    createdBy: "user-1",
    ...overrides,
  };
}

export function ledgerRows(
  subscriptionId: string,
  slot: string,
  parts: number,
  chatId = "chat-1",
): NewLedgerRow[] {
  return Array.from({ length: parts }, (_, partIndex) => ({
    id: `${subscriptionId}.${Date.parse(slot).toString(36)}.${partIndex}`,
    subscriptionId,
    slot,
    partIndex,
    partCount: parts,
    target: { platform: "telegram", chatId, threadId: null },
    payload: { text: `part ${partIndex}` },
    cardIds: ["aaaaaaaaaaaa"],
  }));
}
