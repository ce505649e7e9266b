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
export { cardForArticleWith, type DigestFn } from "./card-for-article.js";
export {
  createCardPool,
  CARD_POOL_DEFAULTS,
  type CardPool,
  type CardPoolOptions,
} from "./card-pool/index.js";
