export { Article } from "./article.js";
export { FactCard, Fact, CARD_LIMITS } from "./card.js";
