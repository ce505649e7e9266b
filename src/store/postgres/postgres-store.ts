import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { StoreError } from "../../lib/index.js";
import type { Store } from "../ports.js";
import type { RandomIndex } from "../subscription-id.js";
import { quoteIdent } from "./quote-ident.js";
import { clientDb, inTransaction, poolDb, type PgDb } from "./pg-db.js";
import { createPostgresCardStore } from "./postgres-card-store.js";
import { createPostgresKvStore } from "./postgres-kv-store.js";
import { createPostgresLeaseStore } from "./postgres-lease-store.js";
import { createPostgresLedgerStore } from "./postgres-ledger-store.js";
import { createPostgresReceivedStore } from "./postgres-received-store.js";
import { createPostgresSettingsStore } from "./postgres-settings-store.js";
import { createPostgresSourceStore } from "./postgres-source-store.js";
import { createPostgresStoryLogStore } from "./postgres-story-log-store.js";
import { createPostgresSubscriptionStore } from "./postgres-subscription-store.js";
import { createPostgresUpdateStore } from "./postgres-update-store.js";
import { STORE_PARTS as PARTS } from "../store-parts.js";

export type PostgresStoreOptions = (
  | { pool: pg.Pool }
  | {
      connectionString: string;
      /** Tables live in this schema (search_path); it must exist (see `openPostgresStore`). */
      schema?: string;
      /** Connections in the pool the store creates. */
      max?: number;
    }
) & { random?: RandomIndex };

/** A Store that also owns (or borrows) its pool; `close` ends the pool only if the store made it. */
export type PostgresStore = Store & { readonly pool: pg.Pool; close(): Promise<void> };

type Parts = Pick<Store, (typeof PARTS)[number]>;
type AnyFn = (...args: unknown[]) => Promise<unknown>;

export function createPostgresPool(options: {
  connectionString: string;
  schema?: string;
  max?: number;
}): pg.Pool {
  return new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema === undefined
      ? {}
      : { options: `-c search_path=${quoteIdent(options.schema)}` }),
  });
}

function partsOver(db: PgDb, random?: RandomIndex): Parts {
  return {
    cards: createPostgresCardStore(db),
    subscriptions: createPostgresSubscriptionStore(db, random),
    received: createPostgresReceivedStore(db),
    ledger: createPostgresLedgerStore(db),
    lease: createPostgresLeaseStore(db),
    kv: createPostgresKvStore(db),
    sources: createPostgresSourceStore(db),
    updates: createPostgresUpdateStore(db),
    settings: createPostgresSettingsStore(db),
    storyLog: createPostgresStoryLogStore(db),
  };
}

/** Wraps every method of every part with `wrap`. */
function mapParts(parts: Parts, wrap: (fn: AnyFn) => AnyFn): Parts {
  const entries = PARTS.map((name) => {
    const part = parts[name] as unknown as Record<string, AnyFn>;
    return [name, Object.fromEntries(Object.keys(part).map((k) => [k, wrap(part[k]!)]))];
  });
  return Object.fromEntries(entries) as unknown as Parts;
}

const OUTER_IN_TRANSACTION = "a transaction must use the store it was given, not the outer one";

/**
 * Every port over one pool. A transaction checks out its own connection, so statements of other
 * tasks run beside it (isolated by Postgres, not queued); the outer store refuses calls made from
 * inside one of its transactions, as they would not see, or could wait on, its uncommitted rows.
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const owned = !("pool" in options);
  const pool = "pool" in options ? options.pool : createPostgresPool(options);
  const insideTransaction = new AsyncLocalStorage<true>();
  const guard =
    (fn: AnyFn): AnyFn =>
    (...args) =>
      insideTransaction.getStore()
        ? Promise.reject(new StoreError(OUTER_IN_TRANSACTION))
        : fn(...args);

  const transactionStore = (client: pg.PoolClient): Store => {
    let savepoints = 0;
    // Nested transactions of one transaction run one after another: savepoints form a stack.
    let chain: Promise<unknown> = Promise.resolve();
    const tx: Store = {
      kind: "postgres",
      ...partsOver(clientDb(client), options.random),
      transaction<T>(fn: (inner: Store) => Promise<T>): Promise<T> {
        const next = chain.then(async () => {
          const name = `sp${++savepoints}`;
          await client.query(`SAVEPOINT ${name}`);
          try {
            const result = await fn(tx);
            await client.query(`RELEASE SAVEPOINT ${name}`);
            return result;
          } catch (error) {
            await client.query(`ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`);
            throw error;
          }
        });
        chain = next.catch(() => undefined);
        return next;
      },
    };
    return tx;
  };

  return {
    kind: "postgres",
    pool,
    ...mapParts(partsOver(poolDb(pool), options.random), guard),
    async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
      if (insideTransaction.getStore()) throw new StoreError(OUTER_IN_TRANSACTION);
      return inTransaction(pool, (client) =>
        insideTransaction.run(true, () => fn(transactionStore(client))),
      );
    },
    async close() {
      if (owned) await pool.end();
    },
  };
}
