import { systemClock, type Clock } from "../lib/index.js";
import { docFeatures, type DocFeatures } from "./doc-features.js";
import { dayOfIso } from "./extract-dates.js";
import { daysApart, pairSimilarity } from "./pair-similarity.js";
import type { Story, StoryDoc } from "../model/index.js";
import { createStoryState, type StoryState } from "./story-state.js";
import { createTermStats } from "./term-stats.js";

export interface StoryIndexOptions {
  /** Stories with no report for this many days are forgotten and no longer joined. */
  windowDays?: number;
  clock?: Clock;
  /** The combined similarity a report needs with one member of a story to join it. */
  joinThreshold?: number;
  /** A report that reaches this with two stories joins them into one (the older id stays). */
  mergeThreshold?: number;
}

export interface Assignment {
  storyId: string;
  isNew: boolean;
  /** The report joined an existing story and changed its key figures. */
  updated: boolean;
  /** Stories this report showed to be the same event, now part of `storyId` (usually empty). */
  merged: string[];
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
  mergeThreshold: 0.12,
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
  const { windowDays, clock, joinThreshold, mergeThreshold } = {
    ...STORY_INDEX_DEFAULTS,
    ...options,
  };
  const entries = new Map<string, Entry>();
  const stories = new Map<string, StoryState>();
  const terms = createTermStats();
  let sweptDay = -Infinity;
  let created = 0;

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

  /** Every candidate story with the report's best similarity to one of its members. */
  function scoreStories(features: DocFeatures): { story: StoryState; score: number }[] {
    const scored: { story: StoryState; score: number }[] = [];
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
      scored.push({ story, score });
    }
    return scored.sort((x, y) => y.score - x.score || x.story.seq - y.story.seq);
  }

  function addTo(story: StoryState, entry: Entry): void {
    story.addMember(entry.doc, entry.features, dayOfIso(entry.doc.arrivedAt) ?? 0);
    entries.set(entry.doc.cardId, { ...entry, storyId: story.id });
    terms.post(story.id, entry.features.terms.keys());
  }

  function absorb(into: StoryState, from: StoryState): void {
    for (const cardId of from.cardIds()) {
      const entry = entries.get(cardId)!;
      forget(cardId);
      terms.addDoc(entry.features.terms.keys());
      addTo(into, entry);
    }
  }

  function newStory(id: string): StoryState {
    const story = createStoryState(id, created++);
    stories.set(id, story);
    return story;
  }

  function assign(doc: StoryDoc): Assignment {
    sweep();
    const previous = entries.get(doc.cardId)?.storyId;
    forget(doc.cardId);
    const features = docFeatures(doc);
    terms.addDoc(features.terms.keys());
    const entry: Entry = { doc, features, storyId: "" };
    const scored = scoreStories(features);
    const best = scored[0];
    if (!best || best.score < joinThreshold) {
      const story = newStory(previous && !stories.has(previous) ? previous : doc.cardId);
      addTo(story, entry);
      return { storyId: story.id, isNew: true, updated: false, merged: [] };
    }
    const targets = [best, ...scored.slice(1).filter((s) => s.score >= mergeThreshold)]
      .map((s) => s.story)
      .sort((x, y) => x.seq - y.seq);
    const [survivor, ...absorbed] = targets as [StoryState, ...StoryState[]];
    const before = survivor.fingerprint();
    for (const other of absorbed) absorb(survivor, other);
    addTo(survivor, entry);
    return {
      storyId: survivor.id,
      isNew: false,
      updated: survivor.fingerprint() !== before,
      merged: absorbed.map((s) => s.id),
    };
  }

  return {
    assign,
    stories: () => [...stories.values()].map((s) => s.toStory(terms.idf)),
    remove: forget,
  };
}
