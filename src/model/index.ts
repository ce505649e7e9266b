export { Article } from "./article.js";
