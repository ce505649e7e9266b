import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import {
  openPostgresStore,
  POSTGRES_MIGRATIONS,
  type PostgresStore,
} from "../../src/store/index.js";
import { ledgerRows } from "./store-kit.js";
import { dropSchema, freshSchema, postgresUrl } from "./postgres-kit.js";

const url = await postgresUrl();
const T0 = new Date("2024-03-01T08:00:00.000Z");

describe.skipIf(url === undefined)("Postgres store across processes", () => {
  const opened: PostgresStore[] = [];
  let schema: string;
  const open = async () => {
    const store = await openPostgresStore({ connectionString: url!, schema, max: 4 });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await dropSchema(url!, schema);
  });

  it("applies each migration once when several processes start together", async () => {
    schema = freshSchema();
    const stores = await Promise.all([open(), open(), open(), open()]);
    const { rows } = await stores[0]!.pool.query(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    expect(rows).toEqual(POSTGRES_MIGRATIONS.map(({ version }) => ({ version })));
  });

  it("lets exactly one of many concurrent claims of a row win", async () => {
    schema = freshSchema();
    const [a, b] = await Promise.all([open(), open()]);
    const rows = ledgerRows("s1", T0.toISOString(), 1);
    await a!.ledger.insert(rows, T0);
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? a! : b!).ledger.claim(rows[0]!.id, i, T0)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("hands a due row to one claiming transaction while another holds it", async () => {
    schema = freshSchema();
    const [a, b] = await Promise.all([open(), open()]);
    await a!.ledger.insert(ledgerRows("s1", T0.toISOString(), 1), T0);
    await a!.ledger.insert(ledgerRows("s2", T0.toISOString(), 1), T0);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const first = a!.transaction(async (tx) => {
      const rows = await tx.ledger.due(T0, 1);
      inside();
      await gate;
      return rows.map((r) => r.id);
    });
    await entered;
    // The second round passes over the locked row instead of waiting for the first to commit.
    const second = (await b!.ledger.due(T0, 10)).map((r) => r.id);
    release();
    const firstIds = await first;
    expect(firstIds).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second).not.toContain(firstIds[0]);
  });

  it("gives the lease to exactly one of many processes asking at once", async () => {
    schema = freshSchema();
    const stores = await Promise.all([open(), open(), open()]);
    const results = await Promise.all(
      stores.map((s, i) =>
        s.lease.acquire({ name: "deliver:telegram", holder: `p${i}`, now: T0, ttlMs: 60_000 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, epoch: 1 }]);
  });

  it("refuses a database whose schema is newer than this build", async () => {
    schema = freshSchema();
    const store = await open();
    await store.pool.query("INSERT INTO schema_migrations VALUES (99, 'future', now())");
    await expect(open()).rejects.toThrow(/newer than this build knows/);
  });

  it("rolls a transaction back on throw, keeping what committed outside it", async () => {
    schema = freshSchema();
    const store = await open();
    await expect(
      store.transaction(async (tx) => {
        await tx.kv.set("a", "1");
        await tx.transaction(async (inner) => inner.kv.set("b", "2"));
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(await store.kv.get("a")).toBeUndefined();
    expect(await store.kv.get("b")).toBeUndefined();
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const idle = await check.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'idle in transaction'",
    );
    await check.end();
    expect(idle.rows[0]).toEqual({ n: 0 });
  });
});
