export { extractArticle, type ExtractOptions, type ExtractResult } from "./extract-article.js";
