export * from "./clock.js";
export * from "./errors.js";
export * from "./logger.js";
export * from "./log-format.js";
export * from "./network-errors.js";
export * from "./number-words.js";
export * from "./escape-html.js";
