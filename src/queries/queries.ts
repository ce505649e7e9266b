import type { FactCard, Platform, Subscription } from "../model/index.js";

/** The read side every front end shares (Telegram, Discord, the status page): stored data only. */
export interface Queries {
  /** Newest first. `total` is the number of stored cards. */
  latest(options: { limit: number; offset: number }): Promise<{ cards: FactCard[]; total: number }>;
  /** A card by its id or a unique id prefix (at least 4 characters). */
  card(idOrPrefix: string): Promise<FactCard | undefined>;
  /** Cards whose title, summary, facts or tags contain every word of `query` (case-insensitive). */
  search(query: string, limit: number): Promise<FactCard[]>;
  /** Ids for autocomplete: cards whose id or title starts with / contains `prefix`. */
  suggest(prefix: string, limit: number): Promise<Array<{ id: string; title: string }>>;
  /** One chat's subscriptions, oldest first. */
  subscriptions(where: { platform: Platform; chatId: string }): Promise<Subscription[]>;
}
