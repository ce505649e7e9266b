import type { FactCard } from "../../model/index.js";
import { describeCron } from "../../delivery/index.js";
import { translator, type Translate } from "../../i18n/index.js";
import { describeFilter, describeSources, type Subscription } from "../../model/index.js";
import { escapeHtml, visibleLength } from "./escape-html.js";
import { TELEGRAM_TEXT_LIMIT } from "./render-telegram.js";
import { translateHtml } from "./translate-html.js";

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

/** "daily 08:00 Asia/Almaty, 5 cards" (the cron itself when it has no words). */
export function describeSubscription(sub: Subscription, t: Translate = translator()): string {
  const where = sub.target.threadId !== null ? ` ${escapeHtml(t("in-topic"))}` : "";
  const filter = describeFilter(sub);
  const filters = filter ? `, ${escapeHtml(t("only", { filter }))}` : "";
  const sources = sub.sourceIds.length > 0 ? `, ${escapeHtml(describeSources(sub))}` : "";
  const format = sub.format === "full" ? "" : `, ${sub.format}`;
  const words = describeCron(sub.cron);
  const schedule = words ? escapeHtml(words) : `<code>${escapeHtml(sub.cron)}</code>`;
  return `<code>${escapeHtml(sub.id)}</code> — ${schedule} ${escapeHtml(sub.timezone)}, ${escapeHtml(t("cards", { count: sub.count }))}${format}${filters}${sources}${where}`;
}

export interface SubscriptionListOptions {
  t: Translate;
  /** When each runs next, already formatted in the chat's zone (undefined: never again). */
  nextRun: (sub: Subscription) => string | undefined;
}

export function renderSubscriptionsHtml(
  subs: Subscription[],
  chatName: string,
  { t, nextRun }: SubscriptionListOptions = { t: translator(), nextRun: () => undefined },
): string {
  if (subs.length === 0) {
    return translateHtml(
      t,
      "subscriptions-none",
      { chat: chatName },
      { example: "<code>/subscribe daily 08:00 UTC 5</code>" },
    );
  }
  const lines = [`<b>${escapeHtml(t("subscriptions-title", { chat: chatName }))}</b>`];
  for (const [i, sub] of subs.entries()) {
    const when = nextRun(sub);
    const status = !sub.active
      ? ` (${escapeHtml(t("paused"))})`
      : ` · ${escapeHtml(when ? t("next-run", { when }) : t("next-run-none"))}`;
    const line = `• ${describeSubscription(sub, t)}${status}`;
    // Leave room for the "more" line so the list never breaks the message limit.
    if (visibleLength([...lines, line].join("\n")) > TELEGRAM_TEXT_LIMIT - 40) {
      lines.push(escapeHtml(t("subscriptions-more", { count: subs.length - i })));
      break;
    }
    lines.push(line);
  }
  return lines.join("\n");
}
