import type { Store } from "../store/index.js";
import type { CardLookup, Queries } from "./queries.js";

/** Matches a search counts and pages through; a broader query should be narrowed, not paged. */
export const SEARCH_MAX_MATCHES = 200;
/** Cards an ambiguous id prefix lists. */
const AMBIGUOUS_LISTED = 5;
const MIN_PREFIX = 4;

/** Reads straight from the store: commands never recompute cards. */
export function createQueries(deps: { store: Store }): Queries {
  const { store } = deps;

  async function findCard(idOrPrefix: string): Promise<CardLookup> {
    const card = await store.cards.get(idOrPrefix);
    if (card !== undefined) return { ok: true, card };
    const prefix = idOrPrefix.trim().toLowerCase();
    if (prefix.length < MIN_PREFIX) return { ok: false, reason: "not_found" };
    // Suggestions rank id-prefix matches first, so the first few are the ids this prefix names.
    const matches = (await store.cards.suggest(prefix, AMBIGUOUS_LISTED + 1)).filter((s) =>
      s.id.startsWith(prefix),
    );
    return matches.length > 1
      ? { ok: false, reason: "ambiguous", matches: matches.slice(0, AMBIGUOUS_LISTED) }
      : { ok: false, reason: "not_found" };
  }

  return {
    latest: async ({ limit, offset }) => ({
      cards: await store.cards.latest({ limit, offset }),
      total: await store.cards.count(),
    }),
    card: (idOrPrefix) => store.cards.get(idOrPrefix),
    findCard,
    search: async (query, { limit, offset }) => {
      const all = await store.cards.search(query, SEARCH_MAX_MATCHES);
      return { cards: all.slice(offset, offset + limit), total: all.length };
    },
    suggest: (prefix, limit) => store.cards.suggest(prefix, limit),
    subscriptions: (where) => store.subscriptions.listByChat(where),
  };
}
