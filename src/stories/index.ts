// Re-exported so callers of the index need one import; the schemas live in model.
export {
  StoryDoc,
  type Story,
  type KeyFigure,
  type FigureDisagreement,
  type FigureReport,
} from "../model/index.js";
export {
  createStoryIndex,
  STORY_INDEX_DEFAULTS,
  type StoryIndex,
  type StoryIndexOptions,
  type Assignment,
} from "./story-index.js";
export { keyFigureDisagreements } from "./key-figure-disagreements.js";
export { storyFingerprint } from "./story-fingerprint.js";
export { storyKeyFigures } from "./key-figures.js";
export { rankStories, RANK_DEFAULTS, type RankOptions } from "./rank-stories.js";
export {
  groupCards,
  groupStories,
  storyDoc,
  defaultOutlet,
  type StoryInput,
  type GroupCardsOptions,
  type GroupedStory,
} from "./group-cards.js";
export { storyNote, type StoryNote } from "./story-note.js";
