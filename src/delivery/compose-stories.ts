import type { Clock } from "../lib/index.js";
import type { DeliveryTarget, FactCard } from "../model/index.js";
import { cardText } from "../queries/index.js";
import type { StoryLogEntry, Store } from "../store/index.js";
import { groupStories, type GroupedStory, type StoryInput } from "../stories/index.js";

/** Stories a chat was sent that a new report may still join: the recent ones. */
export const STORY_LOG_WINDOW = 100;

/** One story a digest shows: new to the chat, or shown before with other key facts. */
export interface ShownStory {
  key: string;
  story: GroupedStory;
  /** Set when the chat saw this story before with other key facts: it is shown "updated". */
  previous?: StoryLogEntry;
  /** Its cards the chat had not received. */
  freshIds: string[];
}

export interface StoryDigest {
  shown: ShownStory[];
  /** Reports that joined a story the chat has, with the same key facts: received, not sent. */
  quiet: Array<{ entry: StoryLogEntry; cardIds: string[]; freshIds: string[] }>;
  /** Every story of the grouping: to re-render a message an edit replaces. */
  stories: GroupedStory[];
  entries: StoryLogEntry[];
}

export interface ComposeStoriesOptions {
  clock: Clock;
  /** Most stories shown. */
  count: number;
  /** At most this many shown stories whose best card comes from one outlet. */
  perSourceCap: number;
}

/**
 * Groups the chat's fresh cards together with the cards of stories it was sent, then decides per
 * story: new (show it), same key facts (take the fresh reports silently), changed (show it again,
 * marked updated). Ranked, capped per outlet, at most `count` shown.
 */
export async function composeStories(
  tx: Pick<Store, "cards" | "storyLog">,
  target: DeliveryTarget,
  fresh: readonly FactCard[],
  options: ComposeStoriesOptions,
): Promise<StoryDigest> {
  const freshIds = new Set(fresh.map((c) => c.id));
  // Entries naming a fresh card were logged for a digest that never went out (merged): not sent.
  const entries = (await tx.storyLog.recent(target, STORY_LOG_WINDOW)).filter(
    (e) => !e.cardIds.some((id) => freshIds.has(id)),
  );
  const logged: FactCard[] = [];
  const seen = new Set(freshIds);
  for (const id of entries.flatMap((e) => e.cardIds)) {
    if (seen.has(id)) continue;
    seen.add(id);
    const card = await tx.cards.get(id);
    if (card !== undefined) logged.push(card);
  }
  const now = options.clock.now().getTime();
  // Fresh cards come newest first, then the logged ones: arrival order stands in for arrival time.
  const inputs = [...fresh, ...logged].map((card, i): StoryInput => ({
    card,
    text: cardText(card),
    arrivedAt: new Date(now - i * 1000).toISOString(),
  }));
  const stories = groupStories(inputs, { clock: options.clock, perSourceCap: Infinity });
  const ownerOf = new Map<string, StoryLogEntry>();
  for (const entry of [...entries].reverse())
    for (const id of entry.cardIds) ownerOf.set(id, entry);

  const shown: ShownStory[] = [];
  const quiet: StoryDigest["quiet"] = [];
  const perOutlet = new Map<string, number>();
  for (const story of stories) {
    const ids = story.cards.map((c) => c.id);
    const storyFresh = ids.filter((id) => freshIds.has(id));
    if (storyFresh.length === 0) continue;
    const owner = ids.map((id) => ownerOf.get(id)).find((e) => e !== undefined);
    if (owner !== undefined && owner.fingerprint === story.fingerprint) {
      quiet.push({ entry: owner, cardIds: ids, freshIds: storyFresh });
      continue;
    }
    const n = perOutlet.get(story.outlet) ?? 0;
    if (n >= options.perSourceCap || shown.length >= options.count) continue;
    perOutlet.set(story.outlet, n + 1);
    shown.push({
      key: owner?.storyKey ?? story.id,
      story,
      ...(owner === undefined ? {} : { previous: owner }),
      freshIds: storyFresh,
    });
  }
  return { shown, quiet, stories, entries };
}
