export * from "./http/index.js";
export * from "./feed/index.js";
