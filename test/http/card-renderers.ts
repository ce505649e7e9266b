import { renderCardEmbed } from "../../src/adapters/discord/index.js";
import type { CardRenderers } from "../../src/adapters/http/index.js";
import { renderCardHtml } from "../../src/adapters/telegram/index.js";

/** The platforms' real renderers, as the app passes them to the endpoint. */
export const RENDERERS: CardRenderers = {
  telegramHtml: (card) => renderCardHtml(card),
  discordEmbed: (card) => renderCardEmbed(card),
};
