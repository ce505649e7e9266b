import type { FactCard, Platform, Subscription } from "../model/index.js";

/** What a user's id or id prefix names: one card, several (say which), or none. */
export type CardLookup =
  | { ok: true; card: FactCard }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "ambiguous"; matches: Array<{ id: string; title: string }> };

/** The read side every front end shares (Telegram, Discord, the status page): stored data only. */
export interface Queries {
  /** Newest arrival first. `total` is the number of stored cards. */
  latest(options: { limit: number; offset: number }): Promise<{ cards: FactCard[]; total: number }>;
  /** A card by its id or a unique id prefix (at least 4 characters). */
  card(idOrPrefix: string): Promise<FactCard | undefined>;
  /** Like `card`, but an ambiguous prefix lists the cards it could mean. */
  findCard(idOrPrefix: string): Promise<CardLookup>;
  /**
   * Cards containing every word or `"quoted phrase"` of `query` as whole words (stemmed), the most
   * relevant first; `total` counts the matches (at most `SEARCH_MAX_MATCHES`).
   */
  search(
    query: string,
    page: { limit: number; offset: number },
  ): Promise<{ cards: FactCard[]; total: number }>;
  /** Ids for autocomplete: cards whose id or title starts with / contains `prefix`. */
  suggest(prefix: string, limit: number): Promise<Array<{ id: string; title: string }>>;
  /** One chat's subscriptions, oldest first. */
  subscriptions(where: { platform: Platform; chatId: string }): Promise<Subscription[]>;
}
