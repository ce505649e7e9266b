import type { ChatInputCommandInteraction } from "discord.js";
import { escapeText, renderCardEmbed, renderDiscord } from "./render-discord.js";
import { refuse, reply, type CommandContext, type CommandResult } from "./interaction-reply.js";
import { renderHelp, renderSource } from "./render-replies.js";

export const SEARCH_LIMIT = 10;

const notFound = (id: string) =>
  refuse(`No card matches id "${id}". Type a few characters to pick one from the list.`);

export function runCard(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): CommandResult {
  const id = i.options.getString("id", true).trim();
  const card = backend.card(id);
  return card ? reply({ embeds: [renderCardEmbed(card)] }) : notFound(id);
}

export function runSource(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): CommandResult {
  const id = i.options.getString("id", true).trim();
  const card = backend.card(id);
  return card ? reply({ embeds: [renderSource(card)] }) : notFound(id);
}

export function runSearch(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): CommandResult {
  const query = i.options.getString("query", true).trim();
  const cards = backend.search(query, SEARCH_LIMIT);
  const quoted = `"${escapeText(query)}"`;
  if (cards.length === 0) return reply({ content: `No cards match ${quoted}.`, embeds: [] });
  const [first, ...rest] = renderDiscord(cards);
  const found = `${cards.length === 1 ? "1 card matches" : `${cards.length} cards match`} ${quoted}`;
  return reply({ content: found, embeds: first?.embeds ?? [] }, rest);
}

export function runHelp(): CommandResult {
  return reply({ embeds: [renderHelp()] });
}
