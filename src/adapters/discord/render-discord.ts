import { translator } from "../../i18n/index.js";
import type { APIEmbed } from "discord.js";
import type { FactCard } from "../../model/index.js";
import { digestHeading, type RenderContext, type StoryNote } from "../../delivery/index.js";
import { DISCORD_LIMITS as L } from "./discord-limits.js";
import { escapeText } from "./escape-text.js";
import { headlineEmbeds } from "./headline-embeds.js";

export { escapeText };

/**
 * One message as the API takes it (`POST /channels/{id}/messages` body). Snake-case
 * `allowed_mentions` because parts are stored by the ledger and posted raw; `parse: []` means
 * an `@everyone` inside an article pings nobody.
 */
export type DiscordMessage = {
  content?: string;
  embeds: APIEmbed[];
  allowed_mentions: { parse: [] };
};

const ACCENT = 0x3b82f6;

/** Characters counted toward the 6000 per-message limit. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Last resort for text the card schema already bounds; never reached by a valid card. */
function clamp(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const webUrl = (url: string | null) => (url !== null && /^https?:\/\//i.test(url) ? url : null);

/** Disputed figures and "Reported by N sources: [Reuters](…), AP", as markdown lines. */
function noteText(note: StoryNote | undefined): string {
  if (note === undefined) return "";
  const lines = note.disagreements.map((d) => `⚖️ Figures differ: ${escapeText(d)}`);
  const count = note.reports.length + note.moreReports;
  if (count > 1) {
    const names = note.reports.map(({ publisher, url }) => {
      const link = webUrl(url);
      const name = escapeText(clamp(publisher, 100));
      return link === null ? name : `[${name}](${link})`;
    });
    const more = note.moreReports > 0 ? ` and ${note.moreReports} more` : "";
    lines.push(`*Reported by ${count} sources:* ${names.join(", ")}${more}`);
  }
  return lines.join("\n");
}

function description(card: FactCard, factCount: number, note?: StoryNote): string {
  const dateline = [card.date, card.place && escapeText(card.place)].filter(Boolean).join(" · ");
  const facts = card.facts.slice(0, factCount).map((f) => `• ${escapeText(f.text)}`);
  return [
    dateline ? `*${dateline}*` : "",
    escapeText(card.summary),
    facts.join("\n"),
    noteText(note),
  ]
    .filter((block) => block.length > 0)
    .join("\n\n");
}

/** The `brief` format: headline, link and summary, without the facts. */
function briefEmbed(card: FactCard): APIEmbed {
  const embed = renderCardEmbed({ ...card, facts: [] });
  return { ...embed, description: clamp(escapeText(card.summary), L.description) };
}

/**
 * One embed per card. When the card cannot fit (only possible for cards outside the schema
 * limits), its lowest-ranked facts are dropped first; text itself is never cut.
 */
export function renderCardEmbed(card: FactCard, note?: StoryNote): APIEmbed {
  const title = clamp(`${note?.updated ? "🔄 Updated: " : ""}${escapeText(card.title)}`, L.title);
  const footer = { text: clamp(`${card.source} · ${card.id}`, L.footer) };
  const author = card.publisher ? Math.min(card.publisher.length, 256) : 0;
  const budget = Math.min(
    L.description,
    L.embedsTotal - title.length - footer.text.length - author,
  );
  let factCount = card.facts.length;
  let text = description(card, factCount, note);
  while (text.length > budget && factCount > 0) {
    factCount -= 1;
    text = description(card, factCount, note);
  }
  const url = card.url !== null && /^https?:\/\//i.test(card.url) ? card.url : undefined;
  return {
    title,
    ...(url === undefined ? {} : { url }),
    ...(card.publisher ? { author: { name: clamp(card.publisher, 256) } } : {}),
    description: clamp(text, budget),
    footer,
    color: ACCENT,
  };
}

function message(embeds: APIEmbed[], content?: string): DiscordMessage {
  return {
    ...(content === undefined ? {} : { content: clamp(content, L.content) }),
    embeds,
    allowed_mentions: { parse: [] },
  };
}

/**
 * Packs embeds in order into as few messages as the 10-embed and 6000-character limits allow.
 * Greedy is optimal here because the order (rank) is kept and no card is ever split.
 */
export function packEmbeds(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const pages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (
      current.length > 0 &&
      (current.length === L.embedsPerMessage || size + length > L.embedsTotal)
    ) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/** A digest as ready-to-post messages; an empty digest is the notice alone, or nothing. */
export function renderDiscord(
  cards: readonly FactCard[],
  context: RenderContext = {},
): DiscordMessage[] {
  if (cards.length === 0) {
    return context.emptyNotice ? [message([], escapeText(context.emptyNotice))] : [];
  }
  const heading = digestHeading(context, cards.length);
  const timestamp = context.slot?.toISOString();
  const stamp = heading && timestamp ? { timestamp } : {};
  const format = context.format ?? "full";
  const embeds =
    format === "headlines"
      ? headlineEmbeds(cards, stamp.timestamp)
      : cards.map((card) => ({
          ...(format === "brief"
            ? briefEmbed(card)
            : renderCardEmbed(card, context.stories?.get(card.id))),
          ...stamp,
        }));
  const pages = packEmbeds(embeds);
  if (heading === undefined) return pages.map((page) => message(page));
  // A newsletter: what and when on the first message, how to change or stop it below it.
  const content = [
    `**${escapeText(heading.title)}** · ${escapeText(heading.date)} · ${heading.stories}`,
    ...(heading.note === undefined ? [] : [`-# ${escapeText(heading.note)}`]),
    `-# ${translator(heading.language)("digest-footer-discord", { id: heading.subscriptionId })}`,
  ].join("\n");
  return pages.map((page, i) => message(page, i === 0 ? content : undefined));
}

/** A short plain-text message (notices, errors): escaped, within the content limit. */
export function renderText(text: string): DiscordMessage {
  return message([], escapeText(text));
}
