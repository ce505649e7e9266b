import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import type { Logger } from "../../lib/index.js";
import { createMemoryChangeFeed, type ChangeFeed, type ChangeTopic } from "../change-feed.js";
import { quoteIdent } from "./quote-ident.js";

const TOPICS: readonly ChangeTopic[] = ["subscriptions", "cards", "sources"];

export interface PostgresChangeFeedOptions {
  connectionString: string;
  /** The store's schema (its search_path); the channel is named after it. Default: current_schema(). */
  schema?: string;
  /** Sends NOTIFY (any connection of the store's pool will do). */
  notify: (channel: string, payload: string) => Promise<unknown>;
  logger: Pick<Logger, "warn" | "info">;
  /** Reconnect delays grow from the first to the last (then stay). */
  backoffMs?: { first: number; max: number };
}

export type PostgresChangeFeed = ChangeFeed & {
  /** Connects and LISTENs; resolves once listening (rejects if the first connect fails). */
  start(): Promise<void>;
  /** The channel name, once started. */
  readonly channel: string | undefined;
  close(): Promise<void>;
};

/**
 * A change feed across processes: publish tells this process at once and every other process on
 * the same database and schema by NOTIFY. The listener keeps a connection of its own (a pooled
 * connection may be handed to someone else); when it drops, it reconnects with backoff and then
 * announces every topic, since notifications sent meanwhile are lost.
 */
export function createPostgresChangeFeed(options: PostgresChangeFeedOptions): PostgresChangeFeed {
  const { logger } = options;
  const local = createMemoryChangeFeed();
  const origin = randomUUID();
  const backoff = options.backoffMs ?? { first: 500, max: 30_000 };
  let channel: string | undefined;
  let client: pg.Client | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let delay = backoff.first;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: options.connectionString,
      ...(options.schema === undefined
        ? {}
        : { options: `-c search_path=${quoteIdent(options.schema)}` }),
    });
    next.on("error", () => lost(next));
    next.on("end", () => lost(next));
    next.on("notification", (message) => {
      const [from, topic] = (message.payload ?? "").split(" ");
      if (from === origin || !TOPICS.includes(topic as ChangeTopic)) return;
      local.publish(topic as ChangeTopic);
    });
    try {
      await next.connect();
      const { rows } = await next.query<{ schema: string }>("SELECT current_schema() AS schema");
      channel ??= channelFor(rows[0]?.schema ?? "public");
      await next.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (error) {
      next.removeAllListeners("end");
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
  };

  const lost = (which: pg.Client) => {
    if (closed || client !== which) return;
    client = undefined;
    which.removeAllListeners("end");
    void which.end().catch(() => undefined);
    logger.warn({ retryInMs: delay }, "change feed lost its database connection; reconnecting");
    scheduleRetry();
  };

  const scheduleRetry = () => {
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect().then(
        () => {
          delay = backoff.first;
          logger.info("change feed reconnected");
          // Whatever was announced while we were away is lost: make every listener reload.
          TOPICS.forEach((topic) => local.publish(topic));
        },
        () => {
          if (closed) return;
          delay = Math.min(delay * 2, backoff.max);
          scheduleRetry();
        },
      );
    }, delay);
    retryTimer.unref();
  };

  return {
    get channel() {
      return channel;
    },
    start: connect,
    publish(topic) {
      local.publish(topic);
      if (channel === undefined || closed) return;
      options.notify(channel, `${origin} ${topic}`).catch((error: unknown) => {
        logger.warn({ err: error, topic }, "could not announce a change to other processes");
      });
    },
    subscribe: (topic, listener) => local.subscribe(topic, listener),
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const open = client;
      client = undefined;
      if (open) {
        open.removeAllListeners("end");
        await open.end().catch(() => undefined);
      }
    },
  };
}

/** One channel per schema, within Postgres's 63-byte identifier limit. */
export function channelFor(schema: string): string {
  const name = `digest_changes:${schema}`;
  if (Buffer.byteLength(name) <= 63) return name;
  return `digest_changes:${createHash("sha1").update(schema).digest("hex")}`;
}
