import type { Story } from "../model/index.js";

export interface RankOptions {
  now: Date;
  /** At most this many stories whose best card comes from one source. */
  perSourceCap?: number;
  /** Hours after which a story's recency weight halves. */
  halfLifeHours?: number;
}

export const RANK_DEFAULTS = { perSourceCap: 2, halfLifeHours: 24 } as const;

function weight(story: Story, now: Date, halfLifeHours: number): number {
  const ageHours = Math.max(0, (now.getTime() - Date.parse(story.lastArrivedAt)) / 3_600_000);
  return Math.log2(1 + story.sourceIds.length) * 2 ** (-ageHours / halfLifeHours);
}

/** Stories told by more sources and newer first; no source fills the list on its own. */
export function rankStories(stories: readonly Story[], options: RankOptions): Story[] {
  const { perSourceCap, halfLifeHours } = { ...RANK_DEFAULTS, ...options };
  const ranked = stories
    .map((story) => ({ story, w: weight(story, options.now, halfLifeHours) }))
    .sort(
      (a, b) =>
        b.w - a.w ||
        b.story.lastArrivedAt.localeCompare(a.story.lastArrivedAt) ||
        a.story.id.localeCompare(b.story.id),
    );
  const perSource = new Map<string, number>();
  const out: Story[] = [];
  for (const { story } of ranked) {
    const n = perSource.get(story.bestSourceId) ?? 0;
    if (n >= perSourceCap) continue;
    perSource.set(story.bestSourceId, n + 1);
    out.push(story);
  }
  return out;
}
