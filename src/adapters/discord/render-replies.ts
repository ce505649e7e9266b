import type { APIEmbed } from "discord.js";
import { translator, type Translate } from "../../i18n/index.js";
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
  t: Translate = translator(),
): string {
  const where = `<#${s.target.threadId ?? s.target.chatId}>`;
  const paused = s.active ? "" : ` (${t("discord-paused")})`;
  const filter = describeFilter(s);
  const filters = filter ? ` · ${escapeText(t("only", { filter }))}` : "";
  const when = s.active && nextRun ? nextRun(s) : undefined;
  const next = when ? ` · ${t("next-run", { when })}` : "";
  const sources = s.sourceIds.length > 0 ? ` · ${escapeText(describeSources(s))}` : "";
  const format = s.format === "full" ? "" : ` · ${s.format}`;
  return `**${escapeText(s.id)}** · ${where} · ${describeSchedule(s.cron)} ${escapeText(s.timezone)} · ${t("cards", { count: s.count })}${format}${filters}${sources}${paused}${next}`;
}

export function renderSubscriptions(
  subs: readonly Subscription[],
  nextRun?: (s: Subscription) => string | undefined,
  t: Translate = translator(),
): APIEmbed {
  return {
    title: t("discord-subscriptions-title"),
    description:
      subs.length === 0
        ? t("discord-subscriptions-none")
        : fitBlocks(
            subs.map((s) => describeSubscription(s, nextRun, t)),
            L.description,
            "digests",
          ),
    color: ACCENT,
  };
}

export function renderSubscribed(s: Subscription, t: Translate = translator()): string {
  return t("discord-subscribed", { what: describeSubscription(s, undefined, t), id: s.id });
}

export function renderUnsubscribed(
  removed: readonly Subscription[],
  t: Translate = translator(),
): string {
  const ids = removed.map((s) => `**${escapeText(s.id)}**`).join(", ");
  return t("discord-unsubscribed", { count: removed.length, ids });
}

export function renderHelp(t: Translate = translator()): APIEmbed {
  const line = (key: string) => t(`discord-help-${key}`);
  return {
    title: line("title"),
    description: [
      line("intro"),
      "",
      ...["latest", "card", "search", "subscribe", "format", "digest"].map(line),
      ...["unsubscribe", "subscriptions", "settings"].map(line),
      "",
      line("permission"),
    ].join("\n"),
    color: ACCENT,
  };
}
