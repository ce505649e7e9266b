import type { BotBackend, SubscribeResult } from "../../src/delivery/bot-backend.js";
import { noSourceCommands } from "../../src/delivery/source-commands.js";
import type { FactCard } from "../../src/digest/index.js";
import type { NewSubscription, Subscription } from "../../src/model/subscription.js";

/**
 * A BotBackend over an array, for adapter tests that do not need the real store or scheduler.
 * Cron validation is deliberately simple here (5 fields); the real rules are tested with the engine.
 */
export function createMemoryBackend(cards: FactCard[]): BotBackend & { subs: Subscription[] } {
  const subs: Subscription[] = [];
  let next = 1;
  const text = (c: FactCard) =>
    [c.title, c.summary, ...c.facts.map((f) => f.text), ...c.tags].join(" ").toLowerCase();
  return {
    ...noSourceCommands,
    subs,
    latest: async ({ limit, offset }) => ({
      cards: cards.slice(offset, offset + limit),
      total: cards.length,
    }),
    card: async (id) => {
      const matches = cards.filter((c) => c.id.startsWith(id.toLowerCase()));
      return id.length >= 4 && matches.length === 1 ? matches[0] : undefined;
    },
    search: async (query, limit) => {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      return cards.filter((c) => words.every((w) => text(c).includes(w))).slice(0, limit);
    },
    suggest: async (prefix, limit) =>
      cards
        .filter(
          (c) => c.id.startsWith(prefix) || c.title.toLowerCase().includes(prefix.toLowerCase()),
        )
        .slice(0, limit)
        .map((c) => ({ id: c.id, title: c.title })),
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
