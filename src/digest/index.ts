export { FactCard, Fact, CARD_LIMITS } from "../model/index.js";
export { digestArticle, type DigestResult } from "./digest-article.js";
export { digestDirectory, type DirectoryDigest } from "./digest-directory.js";
export { readArticleFile, type RawArticle, type ReadResult } from "./ingest/read-article-file.js";
export { readArticleDir, listArticleFiles } from "./ingest/read-article-dir.js";
export { parseArticle, type ParsedArticle } from "./ingest/parse-article.js";
export { checkFaithfulness, type FaithfulnessIssue } from "./summarize/check-faithfulness.js";
export { buildUnits, type Unit } from "./summarize/build-units.js";
export { splitSentences, tokenizeOnly } from "./summarize/split-sentences.js";
export {
  createArticleSync,
  type ArticleSync,
  type CardSink,
  type ScanReport,
} from "./ingest/sync-articles.js";
export {
  createDirectorySource,
  type ArticleEntry,
  type ArticleSource,
} from "./ingest/article-source.js";
