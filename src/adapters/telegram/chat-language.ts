import type { Context } from "grammy";
import type { BotBackend } from "../../delivery/index.js";
import { pickLanguage, translator, type Translate } from "../../i18n/index.js";
import type { ChatSettings, Language } from "../../model/index.js";

export interface ChatLanguage {
  language: Language;
  t: Translate;
  settings: ChatSettings | undefined;
}

/** This chat's settings and reply language: its setting, else the sender's Telegram language. */
export async function chatLanguage(ctx: Context, backend: BotBackend): Promise<ChatLanguage> {
  const settings =
    ctx.chat === undefined
      ? undefined
      : await backend.chatSettings({ platform: "telegram", chatId: String(ctx.chat.id) });
  const language = pickLanguage(settings?.language, ctx.from?.language_code);
  return { language, t: translator(language), settings };
}
