import type { Clock } from "../lib/index.js";
import type { StoryCards } from "../model/index.js";
import { groupCards } from "../stories/index.js";
import type { DirectoryDigest } from "./digest-directory.js";

/** A folder's cards as stories, compared by their full article text; all arrived now. */
export function buildStories(
  digest: DirectoryDigest,
  options: { clock: Clock; perSourceCap?: number },
): StoryCards[] {
  const arrivedAt = options.clock.now().toISOString();
  const inputs = digest.cards.map((card) => ({
    card,
    text: digest.texts.get(card.id) ?? "",
    arrivedAt,
  }));
  return groupCards(inputs, options);
}
