import {
  createHttpServer,
  createMetrics,
  instrumentChannel,
  type WebhookMount,
} from "../adapters/http/index.js";
import type { Config } from "../config.js";
import { DELIVERY_DEFAULTS, type DeliveryChannel } from "../delivery/index.js";
import type { Clock, Logger } from "../lib/index.js";
import type { CardSink } from "../pipeline/index.js";
import { createQueries } from "../queries/index.js";
import type { LeaseRecord, Store } from "../store/index.js";

export interface HttpEndpointParts {
  store: Store;
  platforms: { telegram?: unknown; discord?: unknown; channels: DeliveryChannel[] };
  /** Where ingest writes cards: replaced by a counting sink while the endpoint runs. */
  cards: CardSink;
}

/**
 * Starts the HTTP endpoint when HTTP_PORT is set and meters the parts it is given (send channels,
 * the card sink) in place; returns the stop function, or undefined when the endpoint is off.
 */
export async function startHttpEndpoint(
  parts: HttpEndpointParts,
  deps: { config: Config; logger: Logger; clock: Clock; webhooks?: readonly WebhookMount[] },
): Promise<(() => Promise<void>) | undefined> {
  const { config } = deps;
  if (config.HTTP_PORT === undefined) return undefined;
  const { store, platforms } = parts;
  const leases = platforms.channels.map((c) => `${DELIVERY_DEFAULTS.leasePrefix}:${c.platform}`);
  const metrics = createMetrics({ store, leases, clock: deps.clock });
  platforms.channels = platforms.channels.map((c) => instrumentChannel(c, metrics));
  const cards = parts.cards;
  parts.cards = {
    removeItem: (sourceId, key) => cards.removeItem(sourceId, key),
    items: (sourceId) => cards.items(sourceId),
    upsert: async (card, at) => {
      const outcome = await cards.upsert(card, at);
      if (outcome !== "unchanged") metrics.cardMade();
      return outcome;
    },
  };
  const server = createHttpServer({
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    token: config.HTTP_TOKEN,
    queries: createQueries({ store }),
    store,
    metrics: metrics.registry,
    webhooks: deps.webhooks ?? [],
    readiness: async () => ({
      bots: {
        telegram: platforms.telegram ? "on" : "off",
        discord: platforms.discord ? "on" : "off",
      },
      leases: (await Promise.all(leases.map((name) => store.lease.get(name)))).filter(
        (lease): lease is LeaseRecord => lease !== undefined,
      ),
    }),
    logger: deps.logger.child({ part: "http" }),
    clock: deps.clock,
  });
  await server.start();
  return () => server.stop();
}
