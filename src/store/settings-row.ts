import { z } from "zod";
import { ChatSettings, Language, Platform, QuietHours } from "../model/index.js";
import { parseRow } from "./parse-row.js";

/** The chat_settings columns of both engines (quiet hours as two nullable "HH:MM" columns). */
export const SettingsColumns = z.object({
  platform: Platform,
  chat_id: z.string(),
  timezone: z.string().nullable(),
  language: Language.nullable(),
  quiet_start: QuietHours.shape.start.nullable(),
  quiet_end: QuietHours.shape.end.nullable(),
  updated_at: z.string(),
});

export function settingsFromRow(raw: Record<string, unknown>): ChatSettings {
  const row = parseRow(SettingsColumns, "chat_settings", String(raw.chat_id), raw);
  return parseRow(ChatSettings, "chat_settings", row.chat_id, {
    platform: row.platform,
    chatId: row.chat_id,
    timezone: row.timezone,
    language: row.language,
    quietHours:
      row.quiet_start === null || row.quiet_end === null
        ? null
        : { start: row.quiet_start, end: row.quiet_end },
    updatedAt: row.updated_at,
  });
}

/** Positional values for (platform, chat_id, timezone, language, quiet_start, quiet_end, updated_at). */
export function settingsToValues(s: ChatSettings): Array<string | null> {
  return [
    s.platform,
    s.chatId,
    s.timezone,
    s.language,
    s.quietHours?.start ?? null,
    s.quietHours?.end ?? null,
    s.updatedAt,
  ];
}
