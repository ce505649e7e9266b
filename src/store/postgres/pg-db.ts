import type { Pool, PoolClient } from "pg";

export interface PgResult {
  rows: Array<Record<string, unknown>>;
  rowCount: number;
}

/** A place to run SQL: the pool (each statement on any connection) or one transaction's client. */
export interface PgDb {
  query(text: string, values?: readonly unknown[]): Promise<PgResult>;
  /**
   * Runs `fn` atomically. On the pool: BEGIN … COMMIT on one checked-out connection (ROLLBACK on
   * throw). Inside a transaction: `fn` simply joins it.
   */
  atomic<T>(fn: (db: PgDb) => Promise<T>): Promise<T>;
}

const toResult = (r: { rows: unknown[]; rowCount: number | null }): PgResult => ({
  rows: r.rows as PgResult["rows"],
  rowCount: r.rowCount ?? 0,
});

/** Statements on one client; `atomic` joins the transaction the client already has open. */
export function clientDb(client: Pick<PoolClient, "query">): PgDb {
  const db: PgDb = {
    query: async (text, values) => toResult(await client.query(text, values as unknown[])),
    atomic: (fn) => fn(db),
  };
  return db;
}

/** Checks out a client, BEGIN, `fn`, COMMIT; ROLLBACK on throw; a broken client is discarded. */
export async function inTransaction<T>(
  pool: Pool,
  fn: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    try {
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

export function poolDb(pool: Pool): PgDb {
  return {
    query: async (text, values) => toResult(await pool.query(text, values as unknown[])),
    atomic: (fn) => inTransaction(pool, (client) => fn(clientDb(client))),
  };
}
