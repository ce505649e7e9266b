import { renderCardEmbed } from "../adapters/discord/index.js";
import {
  createHttpServer,
  createMetrics,
  instrumentChannel,
  type CardRenderers,
  type WebhookMount,
} from "../adapters/http/index.js";
import { renderCardHtml } from "../adapters/telegram/index.js";
import type { Config } from "../config.js";
import { DELIVERY_DEFAULTS, type DeliveryChannel } from "../delivery/index.js";
import type { Clock, Logger } from "../lib/index.js";
import { createCardPreview, type CardSink, type DigestFn } from "../pipeline/index.js";
import { createQueries, createStoryQueries } from "../queries/index.js";
import { createHostLimiter, createHttpClient, extractArticle } from "../sources/index.js";
import type { LeaseRecord, Store } from "../store/index.js";

export interface HttpEndpointParts {
  store: Store;
  platforms: { telegram?: unknown; discord?: unknown; channels: DeliveryChannel[] };
  /** Where ingest writes cards: replaced by a counting sink while the endpoint runs. */
  cards: CardSink;
  /** The worker pool's digest, when this process has one: previews are carded off the event loop. */
  digest?: DigestFn;
}

/** Cards on the status page and in previews, as the platforms' own renderers draw them. */
const RENDERERS: CardRenderers = {
  telegramHtml: (card) => renderCardHtml(card),
  discordEmbed: (card) => renderCardEmbed(card),
};

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
  // Its own guarded client, so the preview never shares (or closes) the poller's connections.
  const http = createHttpClient({
    allowPrivate: config.ALLOW_PRIVATE_URLS,
    timeoutMs: config.FETCH_TIMEOUT,
    maxBytes: config.MAX_FETCH_BYTES,
    clock: deps.clock,
  });
  const previewArticle = createCardPreview({
    http,
    limiter: createHostLimiter({ clock: deps.clock }),
    extractPage: extractArticle,
    fetchPages: config.FETCH_ARTICLE_PAGES,
    ...(parts.digest ? { digest: parts.digest } : {}),
  });
  const server = createHttpServer({
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    token: config.HTTP_TOKEN,
    queries: createQueries({ store }),
    stories: createStoryQueries({ store, clock: deps.clock }),
    store,
    previewArticle,
    renderers: RENDERERS,
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
  try {
    await server.start();
  } catch (error) {
    await http.close();
    throw error;
  }
  return async () => {
    await server.stop();
    await http.close();
  };
}
