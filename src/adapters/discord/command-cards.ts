import type { APIEmbed, ChatInputCommandInteraction } from "discord.js";
import type { FactCard } from "../../model/index.js";
import { escapeText, renderCardEmbed, renderDiscord } from "./render-discord.js";
import { refuse, reply, type CommandContext, type CommandResult } from "./interaction-reply.js";
import { renderHelp, renderSource } from "./render-replies.js";

export const SEARCH_LIMIT = 10;

const notFound = (id: string) =>
  refuse(`No card matches id "${id}". Type a few characters to pick one from the list.`);

/** `/card` and `/source` differ only in how the found card is shown. */
function cardCommand(render: (card: FactCard) => APIEmbed) {
  return async (
    i: ChatInputCommandInteraction,
    { backend }: CommandContext,
  ): Promise<CommandResult> => {
    const id = i.options.getString("id", true).trim();
    const card = await backend.card(id);
    return card ? reply({ embeds: [render(card)] }) : notFound(id);
  };
}

export const runCard = cardCommand(renderCardEmbed);
export const runSource = cardCommand(renderSource);

export async function runSearch(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  const query = i.options.getString("query", true).trim();
  const cards = await backend.search(query, SEARCH_LIMIT);
  const quoted = `"${escapeText(query)}"`;
  if (cards.length === 0) return reply({ content: `No cards match ${quoted}.`, embeds: [] });
  const [first, ...rest] = renderDiscord(cards);
  const found = `${cards.length === 1 ? "1 card matches" : `${cards.length} cards match`} ${quoted}`;
  return reply({ content: found, embeds: first?.embeds ?? [] }, rest);
}

export function runHelp(): CommandResult {
  return reply({ embeds: [renderHelp()] });
}
