export { CardDraft, FactCard, Fact, CARD_LIMITS } from "../model/index.js";
export { digestArticle, type DigestResult } from "./digest-article.js";
export { parseArticle, type ParsedArticle } from "./ingest/parse-article.js";
export { checkFaithfulness, type FaithfulnessIssue } from "./summarize/check-faithfulness.js";
export { buildUnits, type Unit } from "./summarize/build-units.js";
export { splitSentences, tokenizeOnly } from "./summarize/split-sentences.js";
