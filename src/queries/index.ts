export type { CardLookup, Queries } from "./queries.js";
export { createQueries, SEARCH_MAX_MATCHES } from "./create-queries.js";
export { createStoryQueries, cardText, type StoryQueries } from "./latest-stories.js";
export { parseTerms, type Term } from "../store/index.js";
