export {
  createArticleSync,
  type ArticleSyncFailures,
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
export { createIngest, type Ingest, type IngestOptions } from "./create-ingest.js";
export { INGEST_DEFAULTS, type IngestDeps } from "./ingest-options.js";
export { createSourcePoller, type PollOutcome, type SourcePoller } from "./poll-source.js";
export { createSourceCommands, sourceView, type SourceCommandsDeps } from "./source-commands.js";
export {
  resolveSource,
  parseSourceUrl,
  describeFetchError,
  type ResolvedSource,
} from "./resolve-source.js";
export {
  basicPageExtractor,
  type PageExtractor,
  type PageExtractResult,
} from "./page-extractor.js";
export { markBacklog } from "./mark-backlog.js";
export { readSources, digestArticles, type ReadSourcesDeps } from "./read-sources.js";
export { readLocalSource, type ProgressReport, type ReadOutcome } from "./read-local-source.js";
export { buildStories } from "./build-stories.js";
export {
  createCardPreview,
  CARD_PREVIEW_DEFAULTS,
  type CardPreview,
  type CardPreviewDeps,
  type CardPreviewFn,
  type PreviewSkip,
} from "./create-card-preview.js";
