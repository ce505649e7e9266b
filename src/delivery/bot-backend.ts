import type { FactCard } from "../digest/index.js";
import type { NewSubscription, Platform, Subscription } from "../model/subscription.js";

export type SubscribeResult =
  | { ok: true; subscription: Subscription }
  /** `error` is one line a user can act on, e.g. `cron must have 5 fields, e.g. "0 8 * * *"`. */
  | { ok: false; error: string };

/**
 * Everything a chat command needs, platform-neutral. Adapters translate commands into these calls
 * and render the results; nothing here recomputes cards (they are read from the store).
 */
export interface BotBackend {
  /** Newest first (by article date, then by arrival). `total` is the number of stored cards. */
  latest(options: { limit: number; offset: number }): { cards: FactCard[]; total: number };
  /** A card by its id or a unique id prefix (at least 4 characters). */
  card(idOrPrefix: string): FactCard | undefined;
  /** Cards whose title, summary, facts or tags contain every word of `query` (case-insensitive). */
  search(query: string, limit: number): FactCard[];
  /** Ids for autocomplete: cards whose id or title starts with / contains `prefix`. */
  suggest(prefix: string, limit: number): Array<{ id: string; title: string }>;
  subscribe(input: NewSubscription): SubscribeResult;
  /** Removes one subscription of this chat by id, or all of them when `id` is omitted; returns what was removed. */
  unsubscribe(where: { platform: Platform; chatId: string }, id?: string): Subscription[];
  subscriptions(where: { platform: Platform; chatId: string }): Subscription[];
}
