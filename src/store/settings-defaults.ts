import { ChatSettings, type SettingsPatch } from "../model/index.js";
import type { ChatRef } from "./ports.js";

/** `patch` over `current` (or a chat's defaults), validated: what every engine stores. */
export function applySettingsPatch(
  chat: ChatRef,
  current: ChatSettings | undefined,
  patch: SettingsPatch,
  now: Date,
): ChatSettings {
  return ChatSettings.parse({
    ...(current ?? {}),
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    platform: chat.platform,
    chatId: chat.chatId,
    updatedAt: now.toISOString(),
  });
}
