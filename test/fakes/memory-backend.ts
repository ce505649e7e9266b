import type { BotBackend, SubscribeResult } from "../../src/delivery/bot-backend.js";
import { noSourceCommands } from "../../src/delivery/source-commands.js";
import { createSettingsCommands } from "../../src/delivery/settings-commands.js";
import { systemClock } from "../../src/lib/clock.js";
import type { FactCard } from "../../src/digest/index.js";
import type { NewSubscription, Subscription } from "../../src/model/subscription.js";
import { createQueries } from "../../src/queries/index.js";
import { createMemoryStore } from "../../src/store/index.js";

/**
 * A BotBackend over an array (real queries on a memory store), for adapter tests that need no scheduler.
 * Cron validation is deliberately simple here (5 fields); the real rules are tested with the engine.
 */
export function createMemoryBackend(cards: FactCard[]): BotBackend & { subs: Subscription[] } {
  const subs: Subscription[] = [];
  let next = 1;
  // Card reads are the real queries over a memory store, the cards arriving so that cards[0] is newest.
  const store = createMemoryStore();
  const queries = createQueries({ store });
  const ready = (async () => {
    for (const [i, card] of [...cards].reverse().entries()) {
      await store.cards.upsert(card, new Date(Date.UTC(2024, 0, 1, 0, i)));
    }
  })();
  const after =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await ready;
      return fn(...args);
    };
  return {
    ...noSourceCommands,
    // Real settings over the memory store: they are small and their rules are the point.
    ...createSettingsCommands({ store, clock: systemClock }),
    subs,
    latest: after(queries.latest),
    card: after(queries.card),
    findCard: after(queries.findCard),
    search: after(queries.search),
    suggest: after(queries.suggest),
    subscribe: async (input: NewSubscription): Promise<SubscribeResult> => {
      if (input.cron.trim().split(/\s+/).length !== 5) {
        return { ok: false, error: 'cron needs 5 fields, e.g. "0 8 * * *"' };
      }
      const subscription: Subscription = {
        id: `s${next++}`,
        target: input.target,
        cron: input.cron,
        timezone: input.timezone ?? "UTC",
        count: input.count ?? 5,
        include: input.include ?? [],
        exclude: input.exclude ?? [],
        format: input.format ?? "full",
        sourceIds: input.sourceIds ?? [],
        notifyEmpty: input.notifyEmpty ?? false,
        createdBy: input.createdBy,
        createdAt: new Date(0).toISOString(),
        active: true,
        consecutiveFailures: 0,
        lastSlot: null,
      };
      subs.push(subscription);
      return { ok: true, subscription };
    },
    setFormat: async () => ({ ok: false, error: "no such subscription in this chat" }),
    digestNow: async () => ({ ok: false, reason: "no_subscription" }),
    unsubscribe: async (where, id) => {
      const removed = subs.filter(
        (s) =>
          s.target.platform === where.platform &&
          s.target.chatId === where.chatId &&
          (id === undefined || s.id === id),
      );
      for (const r of removed) subs.splice(subs.indexOf(r), 1);
      return removed;
    },
    subscriptions: async (where) =>
      subs.filter((s) => s.target.platform === where.platform && s.target.chatId === where.chatId),
  };
}
