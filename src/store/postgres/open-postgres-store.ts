import type { Clock } from "../../lib/index.js";
import { StoreError } from "../../lib/index.js";
import type { RandomIndex } from "../subscription-id.js";
import { applyPostgresMigrations } from "./migrations.js";
import { createPostgresPool, createPostgresStore, type PostgresStore } from "./postgres-store.js";

export interface OpenPostgresOptions {
  connectionString: string;
  /** Created if missing; the tables go there instead of the user's default schema. */
  schema?: string;
  max?: number;
  clock?: Clock;
  random?: RandomIndex;
}

/** Connects, creates the schema if asked, migrates, and returns a store that owns its pool. */
export async function openPostgresStore(options: OpenPostgresOptions): Promise<PostgresStore> {
  const pool = createPostgresPool(options);
  // An idle connection that the server drops must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    await applyPostgresMigrations(pool, undefined, {
      clock: options.clock,
      schema: options.schema,
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof StoreError) throw error;
    throw new StoreError(
      `cannot prepare the Postgres database at ${redact(options.connectionString)}`,
      { url: redact(options.connectionString) },
      { cause: error },
    );
  }
  const store = createPostgresStore({ pool, random: options.random });
  return { ...store, close: () => pool.end() };
}

/** The URL without its password, for messages and logs. */
export function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password !== "") url.password = "***";
    return url.toString();
  } catch {
    return "(unparsable URL)";
  }
}
