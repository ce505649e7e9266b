import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from "discord.js";
import type { BotBackend, StoryNote } from "../../delivery/index.js";
import type { FactCard } from "../../model/index.js";
import { LATEST_DEFAULT_COUNT } from "./command-definitions.js";
import { DISCORD_LIMITS as L } from "./discord-limits.js";
import { echoText } from "./echo-text.js";
import {
  deliverResult,
  reply,
  type CommandContext,
  type CommandResult,
} from "./interaction-reply.js";
import { embedLength, packEmbeds, renderCardEmbed } from "./render-discord.js";

const PAGE_ID = /^(latest|search):(\d{1,6}):(\d{1,2})(?::(.+))?$/s;

/** What is paged: the newest cards (as stories, for a channel, when the backend groups them), or a search. */
export type PagedList = { kind: "latest"; chatId?: string } | { kind: "search"; query: string };

type FetchedPage = { cards: FactCard[]; total: number; notes?: ReadonlyMap<string, StoryNote> };

export const isPageButton = (customId: string): boolean => PAGE_ID.test(customId);

const customId = (list: PagedList, offset: number, count: number) =>
  list.kind === "latest" ? `latest:${offset}:${count}` : `search:${offset}:${count}:${list.query}`;

const fetchPage = (
  backend: BotBackend,
  list: PagedList,
  page: { limit: number; offset: number },
): Promise<FetchedPage> => {
  if (list.kind === "search") return backend.search(list.query, page);
  if (backend.latestStories && list.chatId !== undefined) {
    return backend.latestStories({ platform: "discord", chatId: list.chatId }, page);
  }
  return backend.latest(page);
};

const embedsOf = ({ cards, notes }: FetchedPage) =>
  cards.map((card) => renderCardEmbed(card, notes?.get(card.id)));

function navigation(
  list: PagedList,
  page: { offset: number; count: number; shown: number; total: number; previous: number },
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const button = (label: string, target: number, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: customId(list, target, page.count),
    disabled,
  });
  const older = page.offset + page.shown;
  // A long query cannot ride in a custom id (100 characters): that search is not paged.
  if (customId(list, older, page.count).length > L.customId) return [];
  const { offset, total, previous } = page;
  return [
    {
      type: ComponentType.ActionRow,
      components: [button("◀", previous, offset === 0), button("▶", older, older >= total)],
    },
  ];
}

/** Where the page before `offset` starts: as many cards ending there as fit one message. */
async function previousOffset(backend: BotBackend, list: PagedList, offset: number, count: number) {
  if (offset === 0) return 0;
  const start = Math.max(0, offset - count);
  const fetched = await fetchPage(backend, list, { limit: offset - start, offset: start });
  let size = 0;
  let fit = 0;
  for (const embed of embedsOf(fetched).reverse()) {
    size += embedLength(embed);
    if (fit > 0 && (size > L.embedsTotal || fit === L.embedsPerMessage)) break;
    fit++;
  }
  return offset - Math.max(fit, 1);
}

function heading(list: PagedList, page: FetchedPage, from: number, to: number): string {
  const { total } = page;
  if (list.kind === "latest") {
    return `Latest ${page.notes ? "stories " : ""}${from}–${to} of ${total}`;
  }
  const noun = total === 1 ? "card matches" : "cards match";
  return `${total} ${noun} "${echoText(list.query)}": ${from}–${to}`;
}

/**
 * One page of cards. A page is what fits in one message: when `count` cards would pass the
 * 6000-character limit the page shows fewer, ▶ continues after the last one shown, and ◀ goes
 * back to the cards just before this page.
 */
export async function cardPage(
  backend: BotBackend,
  list: PagedList,
  offset: number,
  count: number,
): Promise<CommandResult> {
  const fetched = await fetchPage(backend, list, { limit: count, offset });
  const { total } = fetched;
  const [embeds = []] = packEmbeds(embedsOf(fetched));
  if (embeds.length === 0) {
    if (list.kind === "search" && total === 0) {
      return reply({ content: `No cards match "${echoText(list.query)}".`, embeds: [] });
    }
    return reply({ content: total === 0 ? "No cards yet." : "No more cards.", embeds: [] });
  }
  const previous = await previousOffset(backend, list, offset, count);
  const shown = embeds.length;
  return reply({
    content: heading(list, fetched, offset + 1, offset + shown),
    embeds,
    components: navigation(list, { offset, count, shown, total, previous }),
  });
}

export async function runLatest(
  interaction: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  const count = interaction.options.getInteger("count") ?? LATEST_DEFAULT_COUNT;
  return cardPage(backend, { kind: "latest", chatId: interaction.channelId }, 0, count);
}

/** ◀ ▶: acknowledge at once (deferUpdate), then replace the page in place. */
export async function handlePageButton(
  interaction: ButtonInteraction,
  { backend }: CommandContext,
): Promise<void> {
  await interaction.deferUpdate();
  const match = PAGE_ID.exec(interaction.customId);
  const list: PagedList =
    match?.[1] === "search"
      ? { kind: "search", query: match[4] ?? "" }
      : { kind: "latest", chatId: interaction.channelId };
  const offset = Number(match?.[2] ?? 0);
  const count = Math.min(10, Math.max(1, Number(match?.[3] ?? LATEST_DEFAULT_COUNT)));
  await deliverResult(interaction, await cardPage(backend, list, offset, count));
}
