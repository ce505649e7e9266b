import { translator, type Translate } from "../../i18n/index.js";
import { escapeHtml } from "./escape-html.js";
import { translateHtml } from "./translate-html.js";
import type { BotCommand } from "grammy/types";
import { DIGEST_BOT_COMMANDS, digestHelpLines } from "./digest-commands.js";
import { SOURCE_BOT_COMMANDS, SOURCE_HELP_LINES } from "./source-commands.js";

/** What Telegram clients show in the command menu (setMyCommands). */
export const BOT_COMMANDS: BotCommand[] = [
  { command: "latest", description: "Newest fact cards, e.g. /latest 5" },
  { command: "card", description: "One card by ID" },
  { command: "source", description: "A card's facts with their source sentences" },
  { command: "search", description: "Cards with all the words, best first" },
  { command: "subscribe", description: "A digest on a schedule, e.g. daily 08:00 Asia/Almaty 5" },
  { command: "subscriptions", description: "This chat's subscriptions" },
  { command: "unsubscribe", description: "Remove a subscription" },
  { command: "settings", description: "Time zone, language and quiet hours of this chat" },
  ...DIGEST_BOT_COMMANDS,
  ...SOURCE_BOT_COMMANDS,
  { command: "help", description: "How to use the bot" },
];

/** /start, in the chat's language. */
export const startHtml = (t: Translate = translator()) => escapeHtml(t("start"));

/** Examples /help shows: taken from the newest card, so copying them always finds something. */
export interface HelpExamples {
  cardId: string;
  searchWords: string;
  /** A subscription of the asking chat, for the /format example (none: no example). */
  subscriptionId?: string;
}

/** The seeds' first card, for a bot with no cards yet. */
export const SEED_EXAMPLES: HelpExamples = {
  cardId: "030049e19457",
  searchWords: "military service",
};

export function helpHtml(
  examples: HelpExamples = SEED_EXAMPLES,
  t: Translate = translator(),
): string {
  const id = escapeHtml(examples.cardId);
  const words = escapeHtml(examples.searchWords);
  const code = (text: string) => `<code>${text}</code>`;
  const line = (key: string, example: string, more: Record<string, string> = {}) =>
    translateHtml(t, key, {}, { example: code(example), ...more });
  return [
    `<b>${escapeHtml(t("help-title"))}</b>`,
    line("help-latest", "/latest 5"),
    line("help-card", `/card ${id}`),
    line("help-source", `/source ${id}`),
    line("help-search", `/search ${words}`),
    line("help-subscribe", "/subscribe weekdays 08:00 Asia/Almaty 5 +military"),
    line("help-subscribe-channel", "/subscribe @mychannel 0 9 * * * UTC 3"),
    line("help-subscriptions", "/subscriptions"),
    line("help-unsubscribe", "/unsubscribe", { id: code("nwrau3") }),
    line("help-settings", "/settings quiet 22:00-07:00"),
    ...digestHelpLines(examples.subscriptionId),
    ...SOURCE_HELP_LINES,
    escapeHtml(t("help-footer")),
  ].join("\n");
}
