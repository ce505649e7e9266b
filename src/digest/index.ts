export { FactCard, Fact, CARD_LIMITS } from "./card.js";
