import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import {
  channelFor,
  createMemoryChangeFeed,
  createPostgresChangeFeed,
  openPostgresStore,
  type ChangeFeed,
  type ChangeTopic,
  type PostgresStore,
} from "../../src/store/index.js";
import { dropSchema, freshSchema, postgresUrl } from "./postgres-kit.js";

const url = await postgresUrl();

/** Records every topic a feed delivers to its listeners. */
function record(feed: ChangeFeed): ChangeTopic[] {
  const seen: ChangeTopic[] = [];
  for (const topic of ["subscriptions", "cards", "sources"] as const)
    feed.subscribe(topic, () => seen.push(topic));
  return seen;
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a change");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const quietLogger = () => {
  const warnings: string[] = [];
  const infos: string[] = [];
  return {
    warnings,
    infos,
    logger: {
      warn: (...args: unknown[]) => void warnings.push(String(args.at(-1))),
      info: (...args: unknown[]) => void infos.push(String(args.at(-1))),
    } as never,
  };
};

describe("memory change feed", () => {
  it("tells this process's listeners once, and stops after unsubscribe", () => {
    const feed = createMemoryChangeFeed();
    const seen: string[] = [];
    const off = feed.subscribe("subscriptions", () => seen.push("s"));
    feed.publish("subscriptions");
    feed.publish("cards");
    off();
    feed.publish("subscriptions");
    expect(seen).toEqual(["s"]);
  });
});

describe.skipIf(url === undefined)("Postgres change feed (LISTEN/NOTIFY)", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A store plus its feed, as one process opens them. */
  async function openProcess(schema: string, logger = quietLogger().logger) {
    const store: PostgresStore = await openPostgresStore({
      connectionString: url!,
      schema,
      max: 2,
    });
    const feed = createPostgresChangeFeed({
      connectionString: url!,
      schema,
      notify: (channel, payload) =>
        store.pool.query("SELECT pg_notify($1, $2)", [channel, payload]),
      logger,
      backoffMs: { first: 50, max: 200 },
    });
    await feed.start();
    cleanups.push(async () => {
      await feed.close();
      await store.close();
    });
    return { store, feed };
  }

  async function freshDatabaseSchema(): Promise<string> {
    const schema = freshSchema();
    cleanups.push(() => dropSchema(url!, schema));
    return schema;
  }

  it("shows a subscription change made by one process to another on the same schema, once each", async () => {
    const schema = await freshDatabaseSchema();
    const a = await openProcess(schema);
    const b = await openProcess(schema);
    const seenA = record(a.feed);
    const seenB = record(b.feed);

    a.feed.publish("subscriptions");
    await until(() => seenB.length === 1);
    b.feed.publish("cards");
    await until(() => seenA.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(seenA).toEqual(["subscriptions", "cards"]);
    expect(seenB).toEqual(["subscriptions", "cards"]);
  });

  it("keeps schemas apart: a store in another schema hears nothing", async () => {
    const [one, other] = [await freshDatabaseSchema(), await freshDatabaseSchema()];
    const a = await openProcess(one);
    const b = await openProcess(other);
    const listening = await openProcess(one);
    const seenB = record(b.feed);
    const seenSame = record(listening.feed);

    a.feed.publish("sources");
    await until(() => seenSame.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(a.feed.channel).toBe(channelFor(one));
    expect(seenB).toEqual([]);
  });

  it("reconnects after losing its connection, says so, and makes every listener reload", async () => {
    const schema = await freshDatabaseSchema();
    const log = quietLogger();
    const a = await openProcess(schema);
    const b = await openProcess(schema, log.logger);
    const seenB = record(b.feed);

    const admin = new pg.Client({ connectionString: url! });
    await admin.connect();
    cleanups.push(() => admin.end());
    const { rows } = await admin.query(
      "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE query = $1",
      [`LISTEN "${channelFor(schema)}"`],
    );
    expect(rows.length).toBe(2);

    await until(() => log.infos.includes("change feed reconnected"));
    expect(log.warnings.some((w) => w.includes("change feed lost"))).toBe(true);
    // Notifications sent while it was away are lost: every topic is announced once.
    expect([...seenB].sort()).toEqual(["cards", "sources", "subscriptions"]);

    seenB.length = 0;
    // `a` lost its listener too; its NOTIFY goes through the pool, so b hears it either way.
    a.feed.publish("subscriptions");
    await until(() => seenB.length === 1);
    expect(seenB).toEqual(["subscriptions"]);
  });

  it("long schema names still get a valid channel (within 63 bytes)", () => {
    expect(Buffer.byteLength(channelFor("s".repeat(80)))).toBeLessThanOrEqual(63);
    expect(channelFor("s".repeat(80))).not.toBe(channelFor("s".repeat(81)));
  });
});
