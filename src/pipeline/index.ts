export {
  createArticleSync,
  type ArticleSync,
  type CardSink,
  type ScanReport,
} from "./sync-source.js";
export { digestDirectory, type DirectoryDigest } from "./digest-directory.js";
export {
  cardForArticle,
  cardId,
  articleText,
  placeCard,
  type CardResult,
} from "./card-for-article.js";
export { buildStories } from "./build-stories.js";
