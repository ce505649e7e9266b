import type { DocFeatures } from "./doc-features.js";
import { storyKeyFigures } from "./key-figures.js";
import { pairSimilarity, type Idf } from "./pair-similarity.js";
import type { Story, StoryDoc } from "../model/index.js";
import { fingerprintOf } from "./story-fingerprint.js";

interface Member {
  doc: StoryDoc;
  features: DocFeatures;
  arrivedDay: number;
}

/** Members weighed for the best card: enough for any real story, bounded for cost. */
const CENTRALITY_MEMBERS = 30;

export interface StoryState {
  id: string;
  /** Creation order: when two stories merge, the older one's id stays. */
  seq: number;
  addMember(doc: StoryDoc, features: DocFeatures, arrivedDay: number): void;
  removeMember(cardId: string): void;
  size(): number;
  cardIds(): string[];
  memberFeatures(): DocFeatures[];
  lastArrivedDay(): number;
  fingerprint(): string;
  toStory(idf: Idf): Story;
}

function bestCard(members: readonly Member[], idf: Idf): StoryDoc {
  const pool = members.slice(-CENTRALITY_MEMBERS);
  let best = pool[0]!;
  let bestScore = -Infinity;
  for (const m of pool) {
    let score = m.doc.facts.length * 0.01;
    for (const other of pool) {
      if (other !== m) score += pairSimilarity(m.features, other.features, idf).score;
    }
    if (score > bestScore) [best, bestScore] = [m, score];
  }
  return best.doc;
}

export function createStoryState(id: string, seq: number): StoryState {
  const members: Member[] = [];
  let figures = storyKeyFigures([]);
  let print = fingerprintOf(figures);
  const refresh = () => {
    figures = storyKeyFigures(members.map((m) => m.doc));
    print = fingerprintOf(figures);
  };
  return {
    id,
    seq,
    addMember(doc, features, arrivedDay) {
      members.push({ doc, features, arrivedDay });
      refresh();
    },
    removeMember(cardId) {
      const at = members.findIndex((m) => m.doc.cardId === cardId);
      if (at >= 0) members.splice(at, 1);
      refresh();
    },
    size: () => members.length,
    cardIds: () => members.map((m) => m.doc.cardId),
    memberFeatures: () => members.map((m) => m.features),
    lastArrivedDay: () => Math.max(...members.map((m) => m.arrivedDay)),
    fingerprint: () => print,
    toStory(idf) {
      const docs = members.map((m) => m.doc);
      const best = bestCard(members, idf);
      return {
        id,
        cardIds: docs.map((d) => d.cardId),
        bestCardId: best.cardId,
        bestSourceId: best.sourceId,
        keyFigures: figures,
        sourceIds: [...new Set(docs.map((d) => d.sourceId))],
        publishers: [...new Set(docs.map((d) => d.publisher))],
        lastArrivedAt: docs
          .map((d) => d.arrivedAt)
          .sort()
          .at(-1)!,
        fingerprint: print,
      };
    },
  };
}
