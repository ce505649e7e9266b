import type { StoryDoc } from "../../src/stories/index.js";

/** A story doc whose title and summary come from its text unless given. */
export function makeDoc(cardId: string, text: string, extra: Partial<StoryDoc> = {}): StoryDoc {
  const [title = cardId, ...rest] = text.trim().split("\n\n");
  return {
    cardId,
    sourceId: `src:${cardId}`,
    publisher: cardId,
    url: null,
    date: null,
    arrivedAt: "2026-07-10T08:00:00.000Z",
    title,
    summary: rest[0] ?? title,
    facts: rest.slice(1),
    text,
    ...extra,
  };
}
