import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from "discord.js";
import type { BotBackend } from "../../delivery/index.js";
import { LATEST_DEFAULT_COUNT } from "./command-definitions.js";
import {
  deliverResult,
  reply,
  type CommandContext,
  type CommandResult,
} from "./interaction-reply.js";
import { packEmbeds, renderCardEmbed } from "./render-discord.js";

const PAGE_ID = /^latest:(\d{1,6}):(\d{1,2})$/;

export const isLatestButton = (customId: string): boolean => PAGE_ID.test(customId);

function navigation(
  offset: number,
  count: number,
  shown: number,
  total: number,
): APIActionRowComponent<APIComponentInMessageActionRow> {
  const button = (label: string, target: number, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: `latest:${target}:${count}`,
    disabled,
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      button("◀", Math.max(0, offset - count), offset === 0),
      button("▶", offset + shown, offset + shown >= total),
    ],
  };
}

/**
 * One page of the newest cards. A page is what fits in one message: when `count` cards would
 * pass the 6000-character limit the page shows fewer, and ▶ continues after the last one shown.
 */
export async function latestPage(
  backend: BotBackend,
  offset: number,
  count: number,
): Promise<CommandResult> {
  const { cards, total } = await backend.latest({ limit: count, offset });
  const [embeds = []] = packEmbeds(cards.map(renderCardEmbed));
  if (embeds.length === 0) {
    return reply({ content: total === 0 ? "No cards yet." : "No more cards.", embeds: [] });
  }
  return reply({
    content: `Latest ${offset + 1}–${offset + embeds.length} of ${total}`,
    embeds,
    components: [navigation(offset, count, embeds.length, total)],
  });
}

export async function runLatest(
  interaction: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  const count = interaction.options.getInteger("count") ?? LATEST_DEFAULT_COUNT;
  return latestPage(backend, 0, count);
}

/** ◀ ▶: acknowledge at once (deferUpdate), then replace the page in place. */
export async function handleLatestButton(
  interaction: ButtonInteraction,
  { backend }: CommandContext,
): Promise<void> {
  await interaction.deferUpdate();
  const match = PAGE_ID.exec(interaction.customId);
  const offset = Number(match?.[1] ?? 0);
  const count = Math.min(10, Math.max(1, Number(match?.[2] ?? LATEST_DEFAULT_COUNT)));
  await deliverResult(interaction, await latestPage(backend, offset, count));
}
