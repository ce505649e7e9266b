import { PermissionFlagsBits, type ChatInputCommandInteraction } from "discord.js";
import { formatQuietHours, type SettingsInput } from "../../delivery/index.js";
import { pickLanguage, translator, type Translate } from "../../i18n/index.js";
import type { ChatSettings } from "../../model/index.js";
import { refuse, reply, type CommandContext, type CommandResult } from "./interaction-reply.js";
import { escapeText } from "./render-discord.js";

const ACCENT = 0x64748b;

export function renderSettings(
  settings: ChatSettings | undefined,
  channelId: string,
  t: Translate,
) {
  const quiet = settings?.quietHours;
  const language = translator(settings?.language ?? "en")("language-name");
  return {
    title: t("settings-title", { chat: t("chat-channel") }).slice(0, 256),
    description: [
      `<#${channelId}>`,
      escapeText(
        settings?.timezone
          ? t("settings-timezone", { zone: settings.timezone })
          : t("settings-timezone-unset"),
      ),
      escapeText(t("settings-language", { language })),
      escapeText(
        quiet
          ? t("settings-quiet", { window: formatQuietHours(quiet), end: quiet.end })
          : t("settings-quiet-off"),
      ),
      "",
      `-# ${escapeText(t("settings-usage-discord"))}`,
    ].join("\n"),
    color: ACCENT,
  };
}

/**
 * /settings of the channel it is run in (digests are per channel on Discord): without options it
 * shows them; with any, a member with Manage Channels changes them.
 */
export async function runSettings(
  i: ChatInputCommandInteraction,
  { backend }: CommandContext,
): Promise<CommandResult> {
  if (!i.inGuild()) return refuse("Settings belong to a server channel; run this in a server.");
  const chat = { platform: "discord" as const, chatId: i.channelId };
  const current = await backend.chatSettings(chat);
  const t = translator(pickLanguage(current?.language, i.locale));
  const input: SettingsInput = {};
  const timezone = i.options.getString("timezone");
  const language = i.options.getString("language");
  const quiet = i.options.getString("quiet");
  if (timezone !== null) input.timezone = timezone;
  if (language !== null) input.language = language;
  if (quiet !== null) input.quiet = quiet;
  if (Object.keys(input).length === 0) {
    return reply({ embeds: [renderSettings(current, i.channelId, t)] });
  }
  if (!(i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false)) {
    return refuse(t("settings-admin-only"));
  }
  const result = await backend.changeSettings(chat, input);
  // The reason quotes at most a clipped piece of the input: the line stays far below 2,000.
  if (!result.ok) return refuse(t("settings-failed", { reason: result.error }).slice(0, 1_900));
  // A new language answers in itself at once.
  const after = translator(pickLanguage(result.settings.language, i.locale));
  return reply({
    content: after("settings-saved"),
    embeds: [renderSettings(result.settings, i.channelId, after)],
  });
}
