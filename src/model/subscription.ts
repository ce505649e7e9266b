import { z } from "zod";

export const Platform = z.enum(["telegram", "discord", "console"]);
export type Platform = z.infer<typeof Platform>;

/** Where a digest goes: a chat or channel, optionally a Telegram forum topic or a Discord thread. */
export const DeliveryTarget = z.object({
  platform: Platform,
  chatId: z.string().min(1),
  /** Telegram `message_thread_id` or Discord thread channel id. */
  threadId: z.string().min(1).nullable().default(null),
});
export type DeliveryTarget = z.infer<typeof DeliveryTarget>;

/** How a digest shows its cards: whole cards, headline + summary, or headlines with links. */
export const DigestFormat = z.enum(["full", "brief", "headlines"]);
export type DigestFormat = z.infer<typeof DigestFormat>;

export const Subscription = z.object({
  /** Short, human-typeable id (shown in /subscriptions, used by /unsubscribe). */
  id: z.string().min(1),
  target: DeliveryTarget,
  /** Standard 5-field cron expression, validated; never more often than once a minute. */
  cron: z.string().min(1),
  /** IANA time zone, validated. */
  timezone: z.string().min(1).default("UTC"),
  count: z.number().int().min(1).max(10).default(5),
  include: z.array(z.string().min(1)).default([]),
  exclude: z.array(z.string().min(1)).default([]),
  format: DigestFormat.default("full"),
  /** Only cards of these sources (ids); empty = every source the chat reads. */
  sourceIds: z.array(z.string().min(1)).default([]),
  /** Send a short "no news" line when nothing new matched. */
  notifyEmpty: z.boolean().default(false),
  createdBy: z.string().min(1),
  createdAt: z.string().datetime(),
  active: z.boolean().default(true),
  consecutiveFailures: z.number().int().min(0).default(0),
  /** ISO time of the last cron slot that was fired (persisted: node-cron keeps nothing across restarts). */
  lastSlot: z.string().datetime().nullable().default(null),
});
export type Subscription = z.infer<typeof Subscription>;

export type NewSubscription = Pick<Subscription, "target" | "cron" | "createdBy"> &
  Partial<
    Pick<
      Subscription,
      "timezone" | "count" | "include" | "exclude" | "notifyEmpty" | "format" | "sourceIds"
    >
  >;

/** A subscription's keyword filter as users type it: "+budget -sport" (empty when it has none). */
export function describeFilter(sub: Pick<Subscription, "include" | "exclude">): string {
  return [...sub.include.map((w) => `+${w}`), ...sub.exclude.map((w) => `-${w}`)].join(" ");
}

/** A source id (`feed:<url>`, `page:<url>`, `dir:<path>`) as a user recognises it: its host or folder. */
export function sourceLabel(sourceId: string): string {
  const rest = sourceId.replace(/^[a-z]+:/, "");
  try {
    return new URL(rest).host || rest;
  } catch {
    return rest.split(/[\\/]/).filter(Boolean).at(-1) ?? rest;
  }
}

/** "from example.com, news.example": a subscription's own choice of sources (empty when it has none). */
export function describeSources(sub: Pick<Subscription, "sourceIds">): string {
  return sub.sourceIds.length === 0 ? "" : `from ${sub.sourceIds.map(sourceLabel).join(", ")}`;
}
