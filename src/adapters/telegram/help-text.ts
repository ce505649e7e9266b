import { escapeHtml } from "./escape-html.js";
import type { BotCommand } from "grammy/types";
import { DIGEST_BOT_COMMANDS, digestHelpLines } from "./digest-commands.js";
import { SOURCE_BOT_COMMANDS, SOURCE_HELP_LINES } from "./source-commands.js";

/** What Telegram clients show in the command menu (setMyCommands). */
export const BOT_COMMANDS: BotCommand[] = [
  { command: "latest", description: "Newest fact cards, e.g. /latest 5" },
  { command: "card", description: "One card by ID" },
  { command: "source", description: "A card's facts with their source sentences" },
  { command: "search", description: "Cards with all the words, best first" },
  { command: "subscribe", description: "A digest on a schedule, e.g. 0 8 * * * Asia/Almaty 5" },
  { command: "subscriptions", description: "This chat's subscriptions" },
  { command: "unsubscribe", description: "Remove a subscription" },
  ...DIGEST_BOT_COMMANDS,
  ...SOURCE_BOT_COMMANDS,
  { command: "help", description: "How to use the bot" },
];

export const START_HTML = [
  "Hi! I turn news articles into short fact cards: a headline, a summary and the key facts, each traceable to its source sentence.",
  "",
  "Try /latest for the newest cards, or /help for every command.",
].join("\n");

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

export function helpHtml(examples: HelpExamples = SEED_EXAMPLES): string {
  const id = escapeHtml(examples.cardId);
  const words = escapeHtml(examples.searchWords);
  return [
    "<b>Commands</b>",
    "/latest [N] — the N newest cards (1–10, default 3); ◀ ▶ buttons page through older ones. Example: <code>/latest 5</code>",
    `/card ID — one card; its ID is shown under every card. Example: <code>/card ${id}</code>`,
    `/source ID — each fact of a card with the sentence it came from. Example: <code>/source ${id}</code>`,
    `/search WORDS — cards containing all the words (whole words; "quotes" keep a phrase together), best matches first. Example: <code>/search ${words}</code>`,
    '/subscribe CRON [TIMEZONE] [COUNT] [+WORD] [-WORD] [format:F] [source:N] — a digest of COUNT cards (1–10, default 5) on a schedule. CRON is five fields: minute hour day month weekday. +WORD keeps only cards that mention one of the +words (+"central bank" keeps a phrase), -WORD leaves out cards that mention it. format:brief shows headline and summary, format:headlines only linked headlines (default: full cards). source:N takes only source N of /sources (or source:example.com; repeat for more). Example: <code>/subscribe 0 8 * * 1-5 Asia/Almaty 5 +military</code> (weekdays at 08:00)',
    "/subscribe @channel CRON … — the same for a channel where you are an admin and I can post. Example: <code>/subscribe @mychannel 0 9 * * * UTC 3</code>",
    "/subscriptions [@channel] — the subscriptions of this chat (or channel), with their IDs. Example: <code>/subscriptions</code>",
    ...digestHelpLines(examples.subscriptionId),
    "/unsubscribe [@channel] [ID] — remove one subscription by the ID /subscriptions shows (like <code>nwrau3</code>), or all of them without an ID. Example: <code>/unsubscribe</code>",
    ...SOURCE_HELP_LINES,
    "/help — this message; /start — a short introduction.",
    "",
    "In groups, only admins can subscribe or unsubscribe. In a forum topic, digests go to that topic.",
  ].join("\n");
}
