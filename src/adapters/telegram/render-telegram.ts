import { translator } from "../../i18n/index.js";
import type { DigestFormat, FactCard } from "../../model/index.js";
import { digestHeading, type RenderContext, type StoryNote } from "../../delivery/index.js";
import { escapeHtml, visibleLength } from "./escape-html.js";

/** Telegram's limit on message text, counted after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;
const CARD_SEPARATOR = "\n\n";
/** File names and places have no schema limit; a huge one must not push a card past the limit. */
const MAX_LABEL_CHARS = 200;

/** A type alias, not an interface, so it is assignable to the ledger's `MessagePart` record. */
export type TelegramMessage = { html: string };

export type TelegramBatch = TelegramMessage & {
  /** How many of the given cards, in order, this message holds. */
  cardCount: number;
};

export interface RenderTelegramOptions extends RenderContext {
  /** Shown alone when there are no cards; without it, no cards render to no messages. */
  emptyNotice?: string;
  /** Visible characters per message; Telegram's limit unless a test needs a smaller one. */
  maxChars?: number;
}

const label = (text: string) =>
  escapeHtml(text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text);

/** Only web links become links; anything else is shown as text. */
const webUrl = (url: string | null) => (url !== null && /^https?:\/\//i.test(url) ? url : null);

/** Publisher and a link to the article (its URL when there is one, else where it came from). */
function sourceHtml(card: FactCard): string {
  const url = webUrl(card.url);
  const publisher = card.publisher ? `${label(card.publisher)} · ` : "";
  if (url === null) return `<i>${publisher}Source: ${label(card.source)}</i>`;
  return `<i>${publisher}<a href="${escapeHtml(url)}">Read the article</a></i>`;
}

/** "Reported by 3 sources: Reuters, AP, BBC", each a link to its report when it has one. */
function reportsHtml(note: StoryNote): string {
  const count = note.reports.length + note.moreReports;
  const names = note.reports.map(({ publisher, url }) => {
    const link = webUrl(url);
    return link === null
      ? label(publisher)
      : `<a href="${escapeHtml(link)}">${label(publisher)}</a>`;
  });
  const more = note.moreReports > 0 ? ` and ${note.moreReports} more` : "";
  return `<i>Reported by ${count} sources: ${names.join(", ")}${more}</i>`;
}

function noteLines(note: StoryNote | undefined): string[] {
  if (note === undefined) return [];
  const lines = note.disagreements.map((d) => `⚖️ Figures differ: ${label(d)}`);
  if (note.reports.length + note.moreReports > 1) lines.push(reportsHtml(note));
  return lines;
}

function cardHtml(card: FactCard, factCount: number, note?: StoryNote): string {
  const updated = note?.updated ? "🔄 Updated: " : "";
  const lines = [`<b>${updated}${escapeHtml(card.title)}</b>`];
  const when = [card.date, card.place].filter((v): v is string => v !== null);
  if (when.length > 0) lines.push(when.map(label).join(" · "));
  lines.push(escapeHtml(card.summary));
  for (const fact of card.facts.slice(0, factCount)) lines.push(`• ${escapeHtml(fact.text)}`);
  lines.push(...noteLines(note));
  lines.push(`${sourceHtml(card)} · ID <code>${escapeHtml(card.id)}</code>`);
  return lines.join("\n");
}

/** One card as HTML that fits `maxChars`, dropping its lowest-ranked (last) facts if it must. */
export function renderCardHtml(
  card: FactCard,
  maxChars = TELEGRAM_TEXT_LIMIT,
  note?: StoryNote,
): string {
  for (let facts = card.facts.length; facts > 0; facts--) {
    const html = cardHtml(card, facts, note);
    if (visibleLength(html) <= maxChars) return html;
  }
  return cardHtml(card, 0, note);
}

/** Headline, summary and link: the `brief` format. */
function briefHtml(card: FactCard): string {
  return [
    `<b>${escapeHtml(card.title)}</b>`,
    escapeHtml(card.summary),
    `${sourceHtml(card)} · ID <code>${escapeHtml(card.id)}</code>`,
  ].join("\n");
}

/** One line: the headline as a link to the article (or with its ID when it has no web link). */
function headlineHtml(card: FactCard): string {
  const url = webUrl(card.url);
  const title = escapeHtml(card.title);
  const publisher = card.publisher ? ` — <i>${label(card.publisher)}</i>` : "";
  return url === null
    ? `• <b>${title}</b>${publisher} · <code>${escapeHtml(card.id)}</code>`
    : `• <a href="${escapeHtml(url)}">${title}</a>${publisher}`;
}

/** A card in a digest's format; headlines sit one per line, cards and briefs apart. */
function formatted(card: FactCard, format: DigestFormat, maxChars: number, note?: StoryNote) {
  switch (format) {
    case "headlines":
      return { html: headlineHtml(card), separator: "\n" };
    case "brief":
      return { html: briefHtml(card), separator: CARD_SEPARATOR };
    case "full":
      return { html: renderCardHtml(card, maxChars, note), separator: CARD_SEPARATOR };
  }
}

/** Packs cards into as few messages as fit, in order, never splitting a card. */
export function renderTelegramBatches(
  cards: readonly FactCard[],
  options: RenderTelegramOptions = {},
): TelegramBatch[] {
  const maxChars = options.maxChars ?? TELEGRAM_TEXT_LIMIT;
  if (cards.length === 0) {
    return options.emptyNotice ? [{ html: escapeHtml(options.emptyNotice), cardCount: 0 }] : [];
  }
  const heading = digestHeading(options, cards.length);
  const header =
    heading &&
    `<b>${escapeHtml(heading.title)}</b> · ${escapeHtml(heading.date)} · ${heading.stories}`;
  const footer =
    heading &&
    [
      heading.note && `<i>${escapeHtml(heading.note)}</i>`,
      `<i>${escapeHtml(translator(heading.language)("digest-footer-telegram", { id: heading.subscriptionId }))}</i>`,
    ]
      .filter(Boolean)
      .join("\n");
  const groups: Array<{ html: string; length: number; cardCount: number }> = header
    ? [{ html: header, length: visibleLength(header), cardCount: 0 }]
    : [];
  const append = (html: string, gap: string, isCard: boolean) => {
    const length = visibleLength(html);
    const last = groups.at(-1);
    if (last && last.length + gap.length + length <= maxChars) {
      last.html += gap + html;
      last.length += gap.length + length;
      last.cardCount += isCard ? 1 : 0;
    } else {
      groups.push({ html, length, cardCount: isCard ? 1 : 0 });
    }
  };
  for (const card of cards) {
    const { html, separator } = formatted(
      card,
      options.format ?? "full",
      maxChars,
      options.stories?.get(card.id),
    );
    // Headlines follow each other line by line; the header stands apart.
    append(html, (groups.at(-1)?.cardCount ?? 0) > 0 ? separator : CARD_SEPARATOR, true);
  }
  if (footer) append(footer, CARD_SEPARATOR, false);
  return groups;
}

/** Cards as ready Telegram HTML messages, each within the text limit. */
export function renderTelegram(
  cards: readonly FactCard[],
  options: RenderTelegramOptions = {},
): TelegramMessage[] {
  return renderTelegramBatches(cards, options).map(({ html }) => ({ html }));
}
