import type { APIEmbed, ChatInputCommandInteraction } from "discord.js";
import type { FactCard } from "../../model/index.js";
import { cardPage } from "./command-latest.js";
import { clipInput } from "./echo-text.js";
import { renderCardEmbed } from "./render-discord.js";
import { refuse, reply, type CommandContext, type CommandResult } from "./interaction-reply.js";
import { renderHelp, renderSource } from "./render-replies.js";
import { replyLanguage } from "./reply-language.js";

export const SEARCH_PAGE_SIZE = 5;

/** `/card` and `/source` differ only in how the found card is shown. */
function cardCommand(render: (card: FactCard) => APIEmbed) {
  return async (
    i: ChatInputCommandInteraction,
    { backend }: CommandContext,
  ): Promise<CommandResult> => {
    const id = i.options.getString("id", true).trim();
    const lookup = await backend.findCard(id);
    if (lookup.ok) return reply({ embeds: [render(lookup.card)] });
    if (lookup.reason === "ambiguous") {
      const list = lookup.matches.map((m) => `• ${m.id} ${m.title}`);
      return refuse(
        [`"${clipInput(id)}" fits several cards; use more of the id:`, ...list].join("\n"),
      );
    }
    return refuse(
      `No card matches id "${clipInput(id)}". Type a few characters to pick one from the list.`,
    );
  };
}

export const runCard = cardCommand(renderCardEmbed);
export const runSource = cardCommand(renderSource);

export async function runSearch(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  const query = i.options.getString("query", true).trim();
  return cardPage(backend, { kind: "search", query }, 0, SEARCH_PAGE_SIZE);
}

export async function runHelp(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  return reply({ embeds: [renderHelp(await replyLanguage(i, backend))] });
}
