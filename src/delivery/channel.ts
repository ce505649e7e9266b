import type { FactCard } from "../model/index.js";
import type { DeliveryTarget, DigestFormat, Language, Platform } from "../model/index.js";
import type { StoryNote } from "../stories/index.js";

/**
 * What went wrong with one send, classified by the adapter so the ledger worker (the only retry
 * layer) can choose: wait, retry, mark uncertain, deactivate, or stop.
 */
export type DeliveryFailure =
  /** 429: wait at least `retryAfterMs`, retry the same row. */
  | { kind: "rate_limited"; retryAfterMs: number }
  /** Failed before the request was written (ECONNREFUSED, DNS): safe to retry with backoff. */
  | { kind: "not_sent" }
  /** Timeout after write, reset, 5xx: may or may not have been delivered. */
  | { kind: "ambiguous" }
  /** Telegram `migrate_to_chat_id`: update the subscription's chat and retry. */
  | { kind: "chat_moved"; newChatId: string }
  /** Blocked, kicked, missing access, unknown channel. `permanent` deactivates at once (Discord 10003). */
  | { kind: "chat_gone"; permanent: boolean }
  /** The platform rejected our payload (too long, bad entities, 50035): a bug, never retried. */
  | { kind: "bad_payload" }
  /** 401: the token is invalid; stop sending altogether. */
  | { kind: "unauthorized" };

export class DeliveryError extends Error {
  override name = "DeliveryError";
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Pace the fan-out for a platform. Undefined limits mean "no limit of that kind". */
export interface ChannelLimits {
  /** Messages per second across all chats (Telegram about 30). */
  globalPerSecond?: number;
  /** Messages per second into one chat (Telegram 1). */
  perChatPerSecond?: number;
  /** Messages per minute into one group chat (Telegram 20). */
  perGroupPerMinute?: number;
  /** Sends in flight at once. */
  concurrency: number;
}

/** One message of a digest, already rendered to fit the platform; serializable so the ledger can store it. */
export type MessagePart = Record<string, unknown>;

/** What a send tells about the posted message: its platform id, when the platform gives one. */
export interface SendReceipt {
  messageId: string | null;
}

export interface SendOptions {
  /** The ledger row id (≤ 25 chars): Discord `nonce` + `enforce_nonce`; ignored where unsupported. */
  nonce: string;
}

/** What a renderer knows besides the cards. */
export interface RenderContext {
  /** Shown alone when there are no cards. */
  emptyNotice?: string;
  /** A scheduled digest's subscription: its header names the time, its footer how to stop it. */
  subscription?: { id: string; cron: string; timezone: string };
  /** The digest's scheduled time. */
  slot?: Date;
  /** The chat's language for the bot's own words (header, footer); cards stay as written. */
  language?: Language;
  /** How the cards are shown; full cards when absent. */
  format?: DigestFormat;
  /** Sent now by /digest ahead of `slot`: the scheduled digest still brings the same cards. */
  early?: boolean;
  /** Cards that stand for a story, by card id: who else reported it, disputed figures, "updated". */
  stories?: ReadonlyMap<string, StoryNote>;
}

/**
 * The only thing the delivery engine knows about a platform. Adapters implement it; `send` throws
 * `DeliveryError` for every failure it can classify.
 */
export interface DeliveryChannel {
  readonly platform: Platform;
  readonly limits: ChannelLimits;
  /** Whether a retried send with the same nonce is deduplicated by the platform (Discord: yes). */
  readonly idempotent: boolean;
  /** Renders a digest into ready message parts, each within the platform's limits, never splitting a card. */
  render(cards: readonly FactCard[], context: RenderContext): MessagePart[];
  /** Posts one part; resolves with the posted message's id where the platform returns one. */
  send(
    target: DeliveryTarget,
    part: MessagePart,
    options: SendOptions,
  ): Promise<SendReceipt | void>;
  /**
   * Replaces the content of a message sent earlier (a story whose key facts changed). Idempotent:
   * editing to the content the message already has succeeds, so a retried edit is always safe.
   * Throws `DeliveryError` like `send`. Platforms without edits leave it out.
   */
  edit?(target: DeliveryTarget, messageId: string, part: MessagePart): Promise<void>;
  /** Best effort: tell a chat its subscription was turned off. Never throws. */
  notice?(target: DeliveryTarget, text: string): Promise<void>;
}
