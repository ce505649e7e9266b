import { systemClock, type Clock } from "../lib/clock.js";
import { docFeatures, type DocFeatures } from "./doc-features.js";
import { dayOfIso } from "./extract-dates.js";
import { daysApart, pairSimilarity } from "./pair-similarity.js";
import type { Story, StoryDoc } from "./story-doc.js";
import { createStoryState, type StoryState } from "./story-state.js";
import { createTermStats } from "./term-stats.js";

export interface StoryIndexOptions {
  /** Stories with no report for this many days are forgotten and no longer joined. */
  windowDays?: number;
  clock?: Clock;
  /** The combined similarity a report needs with one member of a story to join it. */
  joinThreshold?: number;
}

export interface Assignment {
  storyId: string;
  isNew: boolean;
  /** The report joined an existing story and changed its key figures. */
  updated: boolean;
}

export interface StoryIndex {
  assign(doc: StoryDoc): Assignment;
  stories(): Story[];
  /** Forgets one report; its story goes when it was the last member. False when unknown. */
  remove(cardId: string): boolean;
}

export const STORY_INDEX_DEFAULTS = {
  windowDays: 7,
  clock: systemClock,
  joinThreshold: 0.09,
} as const satisfies Required<StoryIndexOptions>;

/** Members compared per candidate story: the newest ones carry the current news moment. */
const MEMBERS_COMPARED = 12;
const CANDIDATES = 20;

interface Entry {
  doc: StoryDoc;
  features: DocFeatures;
  storyId: string;
}

export function createStoryIndex(options: StoryIndexOptions = {}): StoryIndex {
  const { windowDays, clock, joinThreshold } = { ...STORY_INDEX_DEFAULTS, ...options };
  const entries = new Map<string, Entry>();
  const stories = new Map<string, StoryState>();
  const terms = createTermStats();
  let sweptDay = -Infinity;

  function forget(cardId: string): boolean {
    const entry = entries.get(cardId);
    if (!entry) return false;
    entries.delete(cardId);
    terms.removeDoc(entry.features.terms.keys());
    const story = stories.get(entry.storyId)!;
    story.removeMember(cardId);
    if (story.size() === 0) {
      stories.delete(story.id);
      terms.unpost(story.id, entry.features.terms.keys());
    } else {
      const kept = new Set(story.memberFeatures().flatMap((f) => [...f.terms.keys()]));
      terms.unpost(
        story.id,
        [...entry.features.terms.keys()].filter((t) => !kept.has(t)),
      );
    }
    return true;
  }

  function sweep(): void {
    const today = Math.floor(clock.now().getTime() / 86_400_000);
    if (today === sweptDay) return;
    sweptDay = today;
    for (const story of [...stories.values()]) {
      if (story.lastArrivedDay() < today - windowDays) {
        for (const cardId of story.cardIds()) forget(cardId);
      }
    }
  }

  function bestStory(features: DocFeatures): { story: StoryState; score: number } | null {
    let best: { story: StoryState; score: number } | null = null;
    for (const storyId of terms.candidates(features.terms, CANDIDATES)) {
      const story = stories.get(storyId);
      if (!story) continue;
      let score = 0;
      const members = story.memberFeatures();
      // A story has one news moment: a report far from its dated members is far from all of them.
      const gap = daysApart(
        features.days,
        members.flatMap((m) => m.days),
      );
      for (const member of members.slice(-MEMBERS_COMPARED)) {
        score = Math.max(score, pairSimilarity(features, member, terms.idf, gap).score);
      }
      if (!best || score > best.score) best = { story, score };
    }
    return best;
  }

  function assign(doc: StoryDoc): Assignment {
    sweep();
    const previous = entries.get(doc.cardId)?.storyId;
    forget(doc.cardId);
    const features = docFeatures(doc);
    terms.addDoc(features.terms.keys());
    const best = bestStory(features);
    const arrivedDay = dayOfIso(doc.arrivedAt) ?? 0;
    const entry = (storyId: string): Entry => ({ doc, features, storyId });
    if (best && best.score >= joinThreshold) {
      const before = best.story.fingerprint();
      best.story.addMember(doc, features, arrivedDay);
      entries.set(doc.cardId, entry(best.story.id));
      terms.post(best.story.id, features.terms.keys());
      const updated = best.story.fingerprint() !== before;
      return { storyId: best.story.id, isNew: false, updated };
    }
    const id = previous && !stories.has(previous) ? previous : doc.cardId;
    const story = createStoryState(id);
    story.addMember(doc, features, arrivedDay);
    stories.set(id, story);
    entries.set(doc.cardId, entry(id));
    terms.post(id, features.terms.keys());
    return { storyId: id, isNew: true, updated: false };
  }

  return {
    assign,
    stories: () => [...stories.values()].map((s) => s.toStory(terms.idf)),
    remove: forget,
  };
}
