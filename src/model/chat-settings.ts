import { z } from "zod";
import { Platform } from "./subscription.js";

/** Languages the bot's own replies come in (article text stays as written). */
export const LANGUAGES = ["en", "de"] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** A daily local-time window `start`–`end` (end exclusive; wraps midnight when end < start). */
export const QuietHours = z.object({
  start: z.string().regex(HHMM),
  end: z.string().regex(HHMM),
});
export type QuietHours = z.infer<typeof QuietHours>;

/** One chat's (Telegram chat, Discord channel) preferences; null means "not set, use the default". */
export const ChatSettings = z.object({
  platform: Platform,
  chatId: z.string().min(1),
  /** IANA zone: the default for new subscriptions, and the zone of quiet hours and shown times. */
  timezone: z.string().min(1).nullable().default(null),
  language: Language.nullable().default(null),
  quietHours: QuietHours.nullable().default(null),
  updatedAt: z.iso.datetime(),
});
export type ChatSettings = z.infer<typeof ChatSettings>;

export type SettingsPatch = Partial<Pick<ChatSettings, "timezone" | "language" | "quietHours">>;
