export type { Queries } from "./queries.js";
export { createQueries } from "./create-queries.js";
