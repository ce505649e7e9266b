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
  Partial<Pick<Subscription, "timezone" | "count" | "include" | "exclude" | "notifyEmpty">>;

/** A subscription's keyword filter as users type it: "+budget -sport" (empty when it has none). */
export function describeFilter(sub: Pick<Subscription, "include" | "exclude">): string {
  return [...sub.include.map((w) => `+${w}`), ...sub.exclude.map((w) => `-${w}`)].join(" ");
}
