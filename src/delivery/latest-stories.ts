import type { Clock } from "../lib/index.js";
import type { FactCard } from "../model/index.js";
import { cardText } from "../queries/index.js";
import type { ChatRef, Store } from "../store/index.js";
import { groupStories, storyNote, type StoryNote } from "../stories/index.js";
import { matchesFilter } from "./matches-filter.js";

/** Newest cards /latest groups: a few days of a busy set of sources. */
export const LATEST_STORIES_POOL = 200;

/** A page of /latest as stories: each story's best card, its note by card id, and how many stories. */
export interface StoryPage {
  cards: FactCard[];
  notes: ReadonlyMap<string, StoryNote>;
  total: number;
}

export type LatestStories = (
  chat: ChatRef,
  page: { limit: number; offset: number },
) => Promise<StoryPage>;

/**
 * /latest as stories, ranked (more outlets and newer first), through the chat's keyword filters:
 * a chat whose subscriptions all filter sees what at least one of them would let through.
 */
export function createLatestStories(deps: { store: Store; clock: Clock }): LatestStories {
  const { store, clock } = deps;
  return async (chat, { limit, offset }) => {
    const subs = (await store.subscriptions.listByChat(chat)).filter((s) => s.active);
    const filtered =
      subs.length > 0 && subs.every((s) => s.include.length > 0 || s.exclude.length > 0);
    const cards = (await store.cards.latest({ limit: LATEST_STORIES_POOL, offset: 0 })).filter(
      (card) => !filtered || subs.some((s) => matchesFilter(card, s)),
    );
    const now = clock.now().getTime();
    const inputs = cards.map((card, i) => ({
      card,
      text: cardText(card),
      arrivedAt: new Date(now - i * 1000).toISOString(),
    }));
    const stories = groupStories(inputs, { clock, perSourceCap: Infinity });
    const page = stories.slice(offset, offset + limit);
    return {
      cards: page.map((s) => s.cards[0]!),
      notes: new Map(page.map((s) => [s.cards[0]!.id, storyNote(s)])),
      total: stories.length,
    };
  };
}
