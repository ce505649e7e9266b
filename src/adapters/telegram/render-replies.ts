import type { FactCard } from "../../model/index.js";
import { describeFilter, describeSources, type Subscription } from "../../model/index.js";
import { escapeHtml, visibleLength } from "./escape-html.js";
import { TELEGRAM_TEXT_LIMIT } from "./render-telegram.js";

/** A source sentence can be a whole list block; shown shortened so one fact always fits a message. */
const MAX_SENTENCE_CHARS = 1500;

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** /source: every fact with the sentence it came from, packed into messages without splitting a fact. */
export function renderSourceHtml(card: FactCard, maxChars = TELEGRAM_TEXT_LIMIT): string[] {
  const header = `<b>${escapeHtml(card.title)}</b>\nSource: <i>${escapeHtml(clip(card.source, 200))}</i> · ID <code>${escapeHtml(card.id)}</code>`;
  const blocks = card.facts.map(
    (fact, i) =>
      `${i + 1}. ${escapeHtml(fact.text)}\n<blockquote>${escapeHtml(clip(fact.sentence, MAX_SENTENCE_CHARS))}</blockquote>`,
  );
  if (blocks.length === 0) blocks.push("This card has no facts.");
  const messages: string[] = [header];
  for (const block of blocks) {
    const candidate = `${messages.at(-1)!}\n\n${block}`;
    if (visibleLength(candidate) <= maxChars) messages[messages.length - 1] = candidate;
    else messages.push(block);
  }
  return messages;
}

export function describeSubscription(sub: Subscription): string {
  const where = sub.target.threadId !== null ? " in this topic" : "";
  const filter = describeFilter(sub);
  const filters = filter ? `, only ${escapeHtml(filter)}` : "";
  const sources = sub.sourceIds.length > 0 ? `, ${escapeHtml(describeSources(sub))}` : "";
  const format = sub.format === "full" ? "" : `, ${sub.format}`;
  return `<code>${escapeHtml(sub.id)}</code> — <code>${escapeHtml(sub.cron)}</code> ${escapeHtml(sub.timezone)}, ${sub.count} cards${format}${filters}${sources}${where}`;
}

export function renderSubscriptionsHtml(subs: Subscription[], chatName: string): string {
  if (subs.length === 0) {
    return `${escapeHtml(chatName)} has no subscriptions. Add one with /subscribe, e.g. <code>/subscribe 0 8 * * * UTC 5</code>`;
  }
  const lines = [`<b>Subscriptions of ${escapeHtml(chatName)}</b>`];
  for (const [i, sub] of subs.entries()) {
    const line = `• ${describeSubscription(sub)}${sub.active ? "" : " (paused)"}`;
    // Leave room for the "more" line so the list never breaks the message limit.
    if (visibleLength([...lines, line].join("\n")) > TELEGRAM_TEXT_LIMIT - 40) {
      lines.push(`…and ${subs.length - i} more`);
      break;
    }
    lines.push(line);
  }
  return lines.join("\n");
}
