export {
  createDirectorySource,
  directorySourceId,
  fileArticle,
  type ArticleEntry,
  type ArticleSource,
  type SourceRead,
} from "./directory/directory-source.js";
export {
  readArticleFile,
  type RawArticle,
  type ReadArticleOptions,
  type ReadResult,
} from "./directory/read-article-file.js";
export { readArticleDir, listArticleFiles } from "./directory/read-article-dir.js";
export * from "./http/index.js";
export * from "./feed/index.js";
export * from "./web/index.js";
