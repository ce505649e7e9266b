import type { Database } from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/lib/errors.js";
import { createSqliteStore, openDatabase, type Store } from "../../src/store/index.js";
import { makeCard } from "../fixtures/cards.js";
import { ledgerRows, newSub } from "./store-kit.js";

const T0 = new Date("2024-03-01T08:00:00.000Z");

async function caught(fn: () => Promise<unknown>): Promise<StoreError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error("expected a StoreError");
}

describe("rows read back from SQLite are checked", () => {
  let db: Database;
  let store: Store;
  beforeEach(async () => {
    db = openDatabase(":memory:");
    store = createSqliteStore(db);
  });
  afterEach(async () => db.close());

  it("names the table and card id when a card row is corrupt", async () => {
    const card = makeCard(1);
    await store.cards.upsert(card, T0);
    db.prepare("UPDATE cards SET json = ? WHERE id = ?").run('{"id":"x"}', card.id);
    const error = await caught(() => store.cards.latest({ limit: 5, offset: 0 }));
    expect(error.message).toContain(`corrupt row in table "cards" (id ${card.id})`);
    expect(error.context).toEqual({ table: "cards", id: card.id });
    expect(error.cause).toBeDefined();
  });

  it("names the subscription when a stored count is out of range", async () => {
    const sub = await store.subscriptions.create(newSub("c1"), T0);
    db.prepare("UPDATE subscriptions SET count = 99 WHERE id = ?").run(sub.id);
    const error = await caught(() => store.subscriptions.listActive());
    expect(error.message).toMatch(new RegExp(`"subscriptions" \\(id ${sub.id}\\)`));
    expect(error.message).toContain("count");
  });

  it("names the ledger row when its payload is not JSON", async () => {
    const [row] = ledgerRows("s1", T0.toISOString(), 1);
    await store.ledger.insert([row!], T0);
    db.prepare("UPDATE ledger SET payload = '{oops' WHERE id = ?").run(row!.id);
    const error = await caught(() => store.ledger.get(row!.id));
    expect(error.context).toEqual({ table: "ledger", id: row!.id });
    expect(error.message).toContain("not valid JSON");
  });
});
