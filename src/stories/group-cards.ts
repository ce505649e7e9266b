import type { Clock } from "../lib/index.js";
import type { FactCard, StoryCards, StoryDoc } from "../model/index.js";
import { keyFigureDisagreements } from "./key-figure-disagreements.js";
import { rankStories } from "./rank-stories.js";
import { createStoryIndex } from "./story-index.js";

/** A card with the text to compare it by and when its article reached us. */
export interface StoryInput {
  card: FactCard;
  /** The article text, or the card's own sentences when the text is not at hand. */
  text: string;
  /** ISO 8601. */
  arrivedAt: string;
}

export interface GroupCardsOptions {
  clock: Clock;
  /** The outlet a report counts for ("reported by N sources", the per-source cap). */
  outletOf?: (card: FactCard) => string;
  /** At most this many stories whose best card comes from one outlet. */
  perSourceCap?: number;
}

// Without a publisher each item stands for itself: a folder of files is not one outlet.
export const defaultOutlet = (card: FactCard): string => card.publisher ?? card.source;

/** The card as the story index sees it. */
export function storyDoc(input: StoryInput, outlet: string): StoryDoc {
  const { card } = input;
  return {
    cardId: card.id,
    sourceId: outlet,
    publisher: card.publisher ?? card.source,
    url: card.url,
    date: card.date,
    arrivedAt: input.arrivedAt,
    title: card.title,
    summary: card.summary,
    facts: card.facts.map((f) => f.text),
    text: input.text,
  };
}

/** A story with what delivery needs beyond its cards: its key facts and the outlet a cap counts. */
export type GroupedStory = StoryCards & {
  /** Changes exactly when the story's key figures change. */
  fingerprint: string;
  /** The best card's outlet. */
  outlet: string;
};

/** Cards grouped into stories, ranked (more outlets and newer first), each with its best card first. */
export function groupCards(
  inputs: readonly StoryInput[],
  options: GroupCardsOptions,
): StoryCards[] {
  return groupStories(inputs, options).map(({ id, title, sources, cards, disagreements }) => ({
    id,
    title,
    sources,
    cards,
    disagreements,
  }));
}

/** `groupCards` with each story's fingerprint and outlet. */
export function groupStories(
  inputs: readonly StoryInput[],
  options: GroupCardsOptions,
): GroupedStory[] {
  const outletOf = options.outletOf ?? defaultOutlet;
  const index = createStoryIndex({ clock: options.clock });
  const byId = new Map<string, { card: FactCard; doc: StoryDoc }>();
  for (const input of inputs) {
    const doc = storyDoc(input, outletOf(input.card));
    byId.set(input.card.id, { card: input.card, doc });
    index.assign(doc);
  }
  const ranked = rankStories(index.stories(), {
    now: options.clock.now(),
    ...(options.perSourceCap === undefined ? {} : { perSourceCap: options.perSourceCap }),
  });
  return ranked.map((story) => {
    const ids = [story.bestCardId, ...story.cardIds.filter((id) => id !== story.bestCardId)];
    const members = ids.map((id) => byId.get(id)!);
    return {
      id: story.id,
      title: members[0]!.card.title,
      sources: members.map((m) => m.card.source),
      cards: members.map((m) => m.card),
      disagreements: keyFigureDisagreements(members.map((m) => m.doc)),
      fingerprint: story.fingerprint,
      outlet: story.bestSourceId,
    };
  });
}
