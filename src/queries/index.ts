export type { CardLookup, Queries } from "./queries.js";
export { createQueries, SEARCH_MAX_MATCHES } from "./create-queries.js";
export { parseTerms, type Term } from "../store/index.js";
