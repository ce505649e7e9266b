import type { APIEmbed } from "discord.js";
import { describeCron } from "../../delivery/index.js";
import { describeFilter, describeSources, type Subscription } from "../../model/index.js";
import type { FactCard } from "../../model/index.js";
import { DISCORD_LIMITS as L } from "./discord-limits.js";
import { escapeText } from "./render-discord.js";

const ACCENT = 0x64748b;

/** Joins blocks until the next would pass `max`, then says how many were left out (never cuts one). */
function fitBlocks(blocks: readonly string[], max: number, noun: string): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, block] of blocks.entries()) {
    const left = blocks.length - i;
    const note = `\n\n…and ${left} more ${noun}`;
    if (length + block.length + 2 + (left > 1 ? note.length : 0) > max) {
      return `${kept.join("\n\n")}${note}`;
    }
    kept.push(block);
    length += block.length + 2;
  }
  return kept.join("\n\n");
}

/** Provenance: the article file and the sentence each fact was taken from. */
export function renderSource(card: FactCard): APIEmbed {
  const header = `From **${escapeText(card.source)}**`;
  const pairs = card.facts.map(
    (f) => `• ${escapeText(f.text)}\n> ${escapeText(f.sentence).replace(/\n/g, "\n> ")}`,
  );
  return {
    title: `Source: ${escapeText(card.title)}`.slice(0, L.title),
    description: fitBlocks([header, ...pairs], L.description, "facts"),
    footer: { text: card.id },
    color: ACCENT,
  };
}

/** "daily 08:00" when the cron has words, else the cron as code. */
function describeSchedule(cron: string): string {
  const words = describeCron(cron);
  return words ?? `\`${cron}\``;
}

export function describeSubscription(
  s: Subscription,
  nextRun?: (s: Subscription) => string | undefined,
): string {
  const where = `<#${s.target.threadId ?? s.target.chatId}>`;
  const paused = s.active ? "" : " (paused after failures)";
  const filter = describeFilter(s);
  const filters = filter ? ` · only ${escapeText(filter)}` : "";
  const when = s.active && nextRun ? nextRun(s) : undefined;
  const next = when ? ` · next ${when}` : "";
  const sources = s.sourceIds.length > 0 ? ` · ${escapeText(describeSources(s))}` : "";
  const format = s.format === "full" ? "" : ` · ${s.format}`;
  return `**${escapeText(s.id)}** · ${where} · ${describeSchedule(s.cron)} ${escapeText(s.timezone)} · ${s.count} cards${format}${filters}${sources}${paused}${next}`;
}

export function renderSubscriptions(
  subs: readonly Subscription[],
  nextRun?: (s: Subscription) => string | undefined,
): APIEmbed {
  return {
    title: "Digests in this server",
    description:
      subs.length === 0
        ? "None yet. A member with Manage Channels can add one with `/subscribe`."
        : fitBlocks(
            subs.map((s) => describeSubscription(s, nextRun)),
            L.description,
            "digests",
          ),
    color: ACCENT,
  };
}

export function renderSubscribed(s: Subscription): string {
  return `Subscribed: ${describeSubscription(s)}. Remove it with \`/unsubscribe id:${s.id}\`.`;
}

export function renderUnsubscribed(removed: readonly Subscription[]): string {
  return `Removed ${removed.length === 1 ? "1 digest" : `${removed.length} digests`}: ${removed
    .map((s) => `**${escapeText(s.id)}**`)
    .join(", ")}.`;
}

export function renderHelp(): APIEmbed {
  return {
    title: "News digest bot",
    description: [
      "Fact cards distilled from news articles, on demand or on a schedule.",
      "",
      "`/latest [count]` newest cards, with ◀ ▶ to page",
      "`/card id` one card · `/source id` the sentences behind its facts",
      '`/search query` cards containing every word (whole words; "quotes" keep a phrase), best matches first',
      '`/subscribe channel cron [timezone] [count] [include] [exclude] [format] [sources]` post a digest on a schedule, in words (`daily 08:00`, `weekdays 07:30`, `weekly mon 09:00`, `every 6h`) or cron (`0 8 * * *`), optionally only cards with (or without) some words ("quotes" keep a phrase) or from some sources (numbers or hosts from `/sources`), e.g. cron `daily 08:00`, timezone `Europe/Berlin`, include `budget`',
      "`format`: full cards, brief (headline and summary) or headlines with links · `/format id format` changes it later",
      "`/digest [id]` this channel's next digest right now (once a minute); the scheduled one still comes complete",
      "`/unsubscribe [id]` stop one digest, or every digest of this channel",
      "`/subscriptions` this server's digests, each with its next run",
      "`/settings [timezone] [language] [quiet]` this channel's default time zone, reply language (English, Deutsch) and quiet hours (e.g. `22:00-07:00`: digests wait until the window opens)",
      "",
      "Subscribing needs the Manage Channels permission.",
    ].join("\n"),
    color: ACCENT,
  };
}
