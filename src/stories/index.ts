export { StoryDoc, type Story, type KeyFigure } from "./story-doc.js";
export {
  createStoryIndex,
  STORY_INDEX_DEFAULTS,
  type StoryIndex,
  type StoryIndexOptions,
  type Assignment,
} from "./story-index.js";
export {
  keyFigureDisagreements,
  type FigureDisagreement,
  type FigureReport,
} from "./key-figure-disagreements.js";
export { storyFingerprint } from "./story-fingerprint.js";
export { storyKeyFigures } from "./key-figures.js";
export { rankStories, RANK_DEFAULTS, type RankOptions } from "./rank-stories.js";
