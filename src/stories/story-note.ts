import type { StoryCards } from "../model/index.js";

/** Outlets named on a story before "and N more": enough to trace it, short enough to read. */
const MAX_REPORTS = 8;

/** What a rendered story adds to its best card: who reported it, where figures differ, whether it changed. */
export interface StoryNote {
  /** Shown again because its key facts changed since the chat last saw it. */
  updated: boolean;
  /** Each outlet once, the shown card's first, with a link to its report when there is one. */
  reports: Array<{ publisher: string; url: string | null }>;
  /** Outlets beyond `reports`. */
  moreReports: number;
  /** One line per disputed figure: "12 dead (Reuters); 15 (AP)". */
  disagreements: string[];
}

/** The note for a story, from its member cards and the figures they disagree on. */
export function storyNote(story: StoryCards, updated = false): StoryNote {
  const seen = new Map<string, string | null>();
  for (const card of story.cards) {
    const publisher = card.publisher ?? card.source;
    if (!seen.has(publisher)) seen.set(publisher, card.url);
  }
  const reports = [...seen].map(([publisher, url]) => ({ publisher, url }));
  const disagreements = story.disagreements.map((d) =>
    d.values.map((v, i) => `${v.value}${i === 0 ? ` ${d.label}` : ""} (${v.publisher})`).join("; "),
  );
  return {
    updated,
    reports: reports.slice(0, MAX_REPORTS),
    moreReports: Math.max(0, reports.length - MAX_REPORTS),
    disagreements,
  };
}
