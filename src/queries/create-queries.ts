import type { Store } from "../store/index.js";
import type { Queries } from "./queries.js";

/** Reads straight from the store: commands never recompute cards. */
export function createQueries(deps: { store: Store }): Queries {
  const { store } = deps;
  return {
    latest: async ({ limit, offset }) => ({
      cards: await store.cards.latest({ limit, offset }),
      total: await store.cards.count(),
    }),
    card: (idOrPrefix) => store.cards.get(idOrPrefix),
    search: (query, limit) => store.cards.search(query, limit),
    suggest: (prefix, limit) => store.cards.suggest(prefix, limit),
    subscriptions: (where) => store.subscriptions.listByChat(where),
  };
}
