import type { Clock } from "../lib/index.js";
import type { FactCard, StoryCards } from "../model/index.js";
import type { Store } from "../store/index.js";
import { groupCards, type StoryInput } from "../stories/index.js";

export interface StoryQueries {
  /** The newest `limit` cards grouped into stories, ranked (more outlets and newer first). */
  latestStories(limit: number): Promise<StoryCards[]>;
}

/** The store keeps no article text: the card's own sentences are what a story compares. */
export function cardText(card: FactCard): string {
  return [card.title, card.summary, ...card.facts.map((f) => f.sentence)].join("\n\n");
}

/** Clusters in memory on each call; nothing about stories is stored yet. */
export function createStoryQueries(deps: { store: Store; clock: Clock }): StoryQueries {
  const { store, clock } = deps;
  return {
    async latestStories(limit) {
      const cards = await store.cards.latest({ limit, offset: 0 });
      const now = clock.now().getTime();
      // The store's newest-first order stands in for arrival times, a second apart.
      const inputs = cards.map((card, i): StoryInput => ({
        card,
        text: cardText(card),
        arrivedAt: new Date(now - i * 1000).toISOString(),
      }));
      return groupCards(inputs, { clock });
    },
  };
}
