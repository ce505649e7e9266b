export type { Queries } from "./queries.js";
export { createQueries } from "./create-queries.js";
export { createStoryQueries, cardText, type StoryQueries } from "./latest-stories.js";
