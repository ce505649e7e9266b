import type { Clock } from "../lib/index.js";
import { parseTerms, type ChangeFeed, type Store } from "../store/index.js";
import {
  looksLikeWords,
  scheduleFromWords,
  validateCron,
  validateTimeZone,
  zoneNameProblem,
} from "./schedule/index.js";
import { resolveSourceRefs } from "./resolve-source-refs.js";
import {
  DeliveryTarget,
  DigestFormat,
  type NewSubscription,
  type Platform,
  type Subscription,
} from "../model/index.js";

export type SubscribeResult =
  | { ok: true; subscription: Subscription }
  /** `error` is one line a user can act on, e.g. `cron must have 5 fields, e.g. "0 8 * * *"`. */
  | { ok: false; error: string };

/** A new subscription as a chat asks for it: `sources` are references from /sources (`2`, a host). */
export type SubscribeInput = NewSubscription & { sources?: readonly string[] };

export type SetFormatResult =
  { ok: true; subscription: Subscription } | { ok: false; error: string };

const FORMATS = DigestFormat.options.join(", ");

/** A format name as typed (any case), or undefined. */
export function parseDigestFormat(text: string): DigestFormat | undefined {
  const parsed = DigestFormat.safeParse(text.trim().toLowerCase());
  return parsed.success ? parsed.data : undefined;
}

export interface SubscriptionCommandsDeps {
  store: Store;
  clock: Clock;
  /** Subscribe and unsubscribe announce "subscriptions" here (schedulers reload). */
  changes?: ChangeFeed;
  /** Most subscriptions one chat may hold (spam guard). */
  maxPerChat?: number;
}

const LIMITS = { minCount: 1, maxCount: 10, maxPerChat: 10, maxKeywords: 20, maxKeywordChars: 50 };

/** `+budget`, `"central bank"`, `tax, war` -> budget / central bank / tax / war: as /search reads them. */
function cleanKeywords(words: readonly string[] | undefined): string[] {
  return [...new Set((words ?? []).flatMap((w) => parseTerms(w).map((t) => t.text)))];
}

/** One line the user can act on, or undefined when the input is fine. */
function problemWith(
  input: NewSubscription,
  include: string[],
  exclude: string[],
): string | undefined {
  if (!DeliveryTarget.safeParse(input.target).success) return "this chat cannot be subscribed";
  const cron = validateCron(input.cron);
  if (!cron.ok) return cron.error;
  // Checked at subscribe time only, not in parseSchedule: stored subscriptions keep working.
  const abbreviation = zoneNameProblem(input.timezone ?? "UTC");
  if (abbreviation !== undefined) return abbreviation;
  const zone = validateTimeZone(input.timezone ?? "UTC");
  if (!zone.ok) return zone.error;
  const blank = [...(input.include ?? []), ...(input.exclude ?? [])].find(
    (k) => k.trim() !== "" && parseTerms(k).length === 0,
  );
  if (blank !== undefined) {
    return `keyword "${blank.slice(0, 20)}" has no letters or digits to match; e.g. budget or "central bank"`;
  }
  if (input.format !== undefined && !DigestFormat.safeParse(input.format).success) {
    return `format must be one of ${FORMATS}`;
  }
  const count = input.count ?? 5;
  if (!Number.isInteger(count) || count < LIMITS.minCount || count > LIMITS.maxCount) {
    return `count must be a whole number from ${LIMITS.minCount} to ${LIMITS.maxCount}, e.g. 5`;
  }
  const keywords = [...include, ...exclude];
  if (keywords.length > LIMITS.maxKeywords) return `at most ${LIMITS.maxKeywords} keywords in all`;
  const long = keywords.find((k) => k.length > LIMITS.maxKeywordChars);
  if (long !== undefined)
    return `keyword "${long.slice(0, 20)}…" is longer than ${LIMITS.maxKeywordChars} characters`;
  const both = include.find((k) => exclude.includes(k));
  if (both !== undefined) return `"${both}" is both included and excluded`;
  return undefined;
}

const sameSchedule = (
  a: Subscription,
  b: NewSubscription & { sourceIds: string[] },
  include: string[],
  exclude: string[],
) =>
  a.target.threadId === (b.target.threadId ?? null) &&
  a.format === (b.format ?? "full") &&
  a.sourceIds.join() === b.sourceIds.join() &&
  a.cron.trim() === b.cron.trim() &&
  a.timezone === (b.timezone?.trim() || "UTC") &&
  a.count === (b.count ?? 5) &&
  a.include.join() === include.join() &&
  a.exclude.join() === exclude.join();

export interface SubscriptionCommands {
  subscribe(input: SubscribeInput): Promise<SubscribeResult>;
  /** Changes how one subscription of this chat shows its cards; `format` as the user typed it. */
  setFormat(
    where: { platform: Platform; chatId: string },
    id: string,
    format: string,
  ): Promise<SetFormatResult>;
  /** Removes one subscription of this chat by id, or all of them when `id` is omitted; returns what was removed. */
  unsubscribe(where: { platform: Platform; chatId: string }, id?: string): Promise<Subscription[]>;
}

/** Subscribe and unsubscribe, validated; every change is announced to the schedulers. */
export function createSubscriptionCommands(deps: SubscriptionCommandsDeps): SubscriptionCommands {
  const { store, clock } = deps;
  const changed = () => deps.changes?.publish("subscriptions");
  const maxPerChat = deps.maxPerChat ?? LIMITS.maxPerChat;

  /** Words to cron, and the chat's time zone when none is given. */
  async function resolve(
    given: NewSubscription,
  ): Promise<{ ok: true; input: NewSubscription } | { ok: false; error: string }> {
    let cron = given.cron;
    if (looksLikeWords(cron)) {
      const words = scheduleFromWords(cron);
      if (!words.ok) return words;
      cron = words.cron;
    }
    const timezone =
      given.timezone?.trim() || (await store.settings.get(given.target))?.timezone || undefined;
    return { ok: true, input: { ...given, cron, ...(timezone ? { timezone } : {}) } };
  }

  async function subscribe({ sources, ...given }: SubscribeInput): Promise<SubscribeResult> {
    const resolved = await resolve(given);
    if (!resolved.ok) return resolved;
    const input = resolved.input;
    const include = cleanKeywords(input.include);
    const exclude = cleanKeywords(input.exclude);
    const problem = problemWith(input, include, exclude);
    if (problem !== undefined) return { ok: false, error: problem };
    const chosen = await resolveSourceRefs(store.sources, input.target, sources ?? []);
    if (!chosen.ok) return chosen;
    const sourceIds = chosen.sourceIds.length > 0 ? chosen.sourceIds : (input.sourceIds ?? []);
    const existing = await store.subscriptions.listByChat(input.target);
    const twin = existing.find((s) => sameSchedule(s, { ...input, sourceIds }, include, exclude));
    if (twin !== undefined) {
      return { ok: false, error: `this chat already has that subscription (${twin.id})` };
    }
    if (existing.length >= maxPerChat) {
      return {
        ok: false,
        error: `this chat already has ${existing.length} subscriptions; remove one with /unsubscribe <id>`,
      };
    }
    const subscription = await store.subscriptions.create(
      {
        ...input,
        cron: input.cron.trim().split(/\s+/).join(" "),
        timezone: input.timezone?.trim() || "UTC",
        include,
        exclude,
        sourceIds,
      },
      clock.now(),
    );
    changed();
    return { ok: true, subscription };
  }

  return {
    subscribe,
    async setFormat(where, id, text) {
      const format = parseDigestFormat(text);
      if (format === undefined) return { ok: false, error: `format must be one of ${FORMATS}` };
      const sub = (await store.subscriptions.listByChat(where)).find(
        (s) => s.id === id.trim().toLowerCase(),
      );
      if (sub === undefined) return { ok: false, error: "no such subscription in this chat" };
      const updated = await store.subscriptions.setFormat(sub.id, format);
      if (updated === undefined) return { ok: false, error: "no such subscription in this chat" };
      changed();
      return { ok: true, subscription: updated };
    },
    async unsubscribe(where, id) {
      const now = clock.now();
      const targets = (await store.subscriptions.listByChat(where)).filter(
        (s) => id === undefined || s.id === id.trim().toLowerCase(),
      );
      const removed = await store.transaction(async (tx) => {
        const gone: Subscription[] = [];
        for (const s of targets) {
          const sub = await tx.subscriptions.remove(s.id);
          // Queued parts of an unsubscribed digest must not go out any more.
          await tx.ledger.cancelPending({ subscriptionId: s.id }, "unsubscribed", now);
          if (sub !== undefined) gone.push(sub);
        }
        return gone;
      });
      if (removed.length > 0) changed();
      return removed;
    },
  };
}
