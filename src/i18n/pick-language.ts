import { LANGUAGES, type Language } from "../model/index.js";

const NAMES: Record<string, Language> = {
  en: "en",
  english: "en",
  englisch: "en",
  de: "de",
  deutsch: "de",
  german: "de",
};

/** "de", "de-AT", "German", "Deutsch" -> "de"; undefined when we do not speak it. */
export function languageFrom(text: string | null | undefined): Language | undefined {
  const word = (text ?? "").trim().toLowerCase();
  return NAMES[word] ?? NAMES[word.split(/[-_]/)[0] ?? ""];
}

/**
 * The language of a reply: the chat's setting, else the user's client language (Telegram's
 * `language_code`, Discord's interaction locale), else English.
 */
export function pickLanguage(
  chatSetting: Language | null | undefined,
  clientLocale?: string | null,
): Language {
  return chatSetting ?? languageFrom(clientLocale) ?? "en";
}

export const SUPPORTED_LANGUAGES: readonly Language[] = LANGUAGES;
