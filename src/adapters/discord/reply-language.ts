import type { ChatInputCommandInteraction } from "discord.js";
import type { BotBackend } from "../../delivery/index.js";
import { pickLanguage, translator, type Translate } from "../../i18n/index.js";

/** The bot's words for this interaction: the channel's language setting, else the user's locale. */
export async function replyLanguage(
  i: ChatInputCommandInteraction,
  backend: Pick<BotBackend, "chatSettings">,
): Promise<Translate> {
  const settings = i.channelId
    ? await backend.chatSettings({ platform: "discord", chatId: i.channelId })
    : undefined;
  return translator(pickLanguage(settings?.language, i.locale));
}
