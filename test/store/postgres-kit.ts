import pg from "pg";
import { openPostgresStore, type Store } from "../../src/store/index.js";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/test";

/** Whether a server answers; an explicit TEST_DATABASE_URL is trusted (a failure there must fail). */
async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let found: Promise<string | undefined> | undefined;

/** The test database's URL, or undefined (said once on stderr) when no server answers. */
export function postgresUrl(): Promise<string | undefined> {
  found ??= (async () => {
    const explicit = process.env.TEST_DATABASE_URL;
    if (explicit !== undefined && explicit !== "") return explicit;
    if (await reachable(DEFAULT_URL)) return DEFAULT_URL;
    process.stderr.write(
      `store tests: no Postgres at ${DEFAULT_URL} (set TEST_DATABASE_URL): Postgres store tests skipped\n`,
    );
    return undefined;
  })();
  return found;
}

/** A schema name no other test (or test process) uses. */
export const freshSchema = () =>
  `test_${process.pid}_${++schemas}_${Math.random().toString(36).slice(2, 8)}`;

/** Drops a test schema with a connection of its own. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end();
  }
}

let schemas = 0;
const pools = new Set<pg.Pool>();
// Captured before any test fakes timers: waiting for real I/O needs the real event loop.
const realImmediate = setImmediate;
const realTimeout = setTimeout;
const realNow = Date.now.bind(Date);
const tick = () => new Promise<void>((resolve) => realImmediate(resolve));

/** Whether a Postgres store is open: fake time must then wait for its queries (see `settleIo`). */
export function postgresInUse(): boolean {
  return pools.size > 0;
}

const busy = () => [...pools].reduce((n, p) => n + p.totalCount - p.idleCount + p.waitingCount, 0);

/**
 * Resolves once no open Postgres store has a query or a checked-out connection (or after about
 * two real seconds: a transaction may be waiting on fake time). Fake time that moves while a
 * query is on the wire would make the engine schedule its next step late.
 */
export async function settleIo(): Promise<void> {
  const deadline = realNow() + 2_000;
  let quiet = 0;
  for (let i = 0; i < 20_000 && quiet < 3; i++) {
    if (busy() === 0) {
      quiet++;
      await tick();
    } else {
      quiet = 0;
      await new Promise<void>((resolve) => realTimeout(resolve, 1));
      if (realNow() > deadline) return;
    }
  }
}

/**
 * The Postgres entry of the store kit, or none (with one line on stderr) when no server answers.
 * Each opened store lives in its own schema, dropped when the handle closes.
 */
export async function postgresImplementation(
  seededRandom: () => (max: number) => number,
): Promise<Array<[string, () => Promise<{ store: Store; close(): Promise<void> }>]>> {
  const url = await postgresUrl();
  if (url === undefined) return [];
  const open = async () => {
    const schema = freshSchema();
    const store = await openPostgresStore({
      connectionString: url,
      schema,
      max: 4,
      random: seededRandom(),
    });
    pools.add(store.pool);
    return {
      store,
      async close() {
        pools.delete(store.pool);
        await store.close();
        await dropSchema(url, schema);
      },
    };
  };
  return [["postgres", open]];
}
