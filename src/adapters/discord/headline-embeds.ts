import type { APIEmbed } from "discord.js";
import type { FactCard } from "../../model/index.js";
import { DISCORD_LIMITS as L } from "./discord-limits.js";
import { escapeText } from "./escape-text.js";

const ACCENT = 0x3b82f6;

/** Brackets and parentheses would end a masked link early. */
const linkText = (text: string) => escapeText(text).replace(/(?<!\\)[[\]]/g, "\\$&");
const linkUrl = (url: string) =>
  url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);

/** One line: the headline linked to its article, or with its ID when it has no web link. */
export function headlineLine(card: FactCard): string {
  const url = card.url !== null && /^https?:\/\//i.test(card.url) ? card.url : null;
  const publisher = card.publisher ? ` — *${escapeText(card.publisher.slice(0, 200))}*` : "";
  return url === null
    ? `• **${escapeText(card.title)}**${publisher} · \`${card.id}\``
    : `• [${linkText(card.title)}](${linkUrl(url)})${publisher}`;
}

/**
 * The `headlines` format: the headlines as lines of embed descriptions, as few embeds as the
 * description limit allows; a line is never split.
 */
export function headlineEmbeds(cards: readonly FactCard[], timestamp?: string): APIEmbed[] {
  const descriptions: string[] = [];
  for (const line of cards.map(headlineLine)) {
    const last = descriptions.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= L.description) {
      descriptions[descriptions.length - 1] = `${last}\n${line}`;
    } else descriptions.push(line.slice(0, L.description));
  }
  return descriptions.map((description) => ({
    description,
    color: ACCENT,
    ...(timestamp === undefined ? {} : { timestamp }),
  }));
}
