import type { Clock } from "../lib/index.js";
import { languageFrom, SUPPORTED_LANGUAGES } from "../i18n/index.js";
import type { ChatSettings, SettingsPatch, Subscription } from "../model/index.js";
import type { ChangeFeed, ChatRef, Store } from "../store/index.js";
import { parseQuietHours } from "./quiet-hours.js";
import { nextSlot, parseSchedule, validateTimeZone, zoneNameProblem } from "./schedule/index.js";

/** What a user typed for each setting; absent ones stay as they are. */
export interface SettingsInput {
  timezone?: string;
  language?: string;
  /** "22:00-07:00" or "off". */
  quiet?: string;
}

export type SettingsResult =
  | { ok: true; settings: ChatSettings }
  /** One line a user can act on. */
  | { ok: false; error: string };

export interface SettingsCommands {
  chatSettings(chat: ChatRef): Promise<ChatSettings | undefined>;
  changeSettings(chat: ChatRef, input: SettingsInput): Promise<SettingsResult>;
  /** The subscription's next digest after now, or null when its schedule never fires again. */
  nextRun(subscription: Subscription): Date | null;
}

export interface SettingsCommandsDeps {
  store: Store;
  clock: Clock;
  changes?: ChangeFeed;
}

function patchFrom(
  input: SettingsInput,
): { ok: true; patch: SettingsPatch } | { ok: false; error: string } {
  const patch: SettingsPatch = {};
  if (input.timezone !== undefined) {
    const zone = input.timezone.trim();
    const problem = zoneNameProblem(zone);
    if (problem !== undefined) return { ok: false, error: problem };
    const check = validateTimeZone(zone);
    if (!check.ok) return check;
    patch.timezone = zone;
  }
  if (input.language !== undefined) {
    const language = languageFrom(input.language);
    if (language === undefined) {
      const given = input.language.trim().slice(0, 20);
      return {
        ok: false,
        error: `"${given}" is not a language I speak; choose one of ${SUPPORTED_LANGUAGES.join(", ")}`,
      };
    }
    patch.language = language;
  }
  if (input.quiet !== undefined) {
    const quiet = parseQuietHours(input.quiet);
    if (!quiet.ok) return quiet;
    patch.quietHours = quiet.value;
  }
  return { ok: true, patch };
}

/** Reading and changing a chat's settings, validated; plus when each subscription runs next. */
export function createSettingsCommands(deps: SettingsCommandsDeps): SettingsCommands {
  const { store, clock } = deps;
  return {
    chatSettings: (chat) => store.settings.get(chat),
    async changeSettings(chat, input) {
      const parsed = patchFrom(input);
      if (!parsed.ok) return parsed;
      const settings = await store.settings.update(chat, parsed.patch, clock.now());
      return { ok: true, settings };
    },
    nextRun(subscription) {
      const parsed = parseSchedule(subscription.cron, subscription.timezone);
      return parsed.ok ? nextSlot(parsed.schedule, clock.now()) : null;
    },
  };
}
