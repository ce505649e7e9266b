import type { Clock } from "../lib/clock.js";
import type { Logger } from "../lib/logger.js";
import type { LedgerRow, SettledStatus, Store } from "../store/index.js";
import type { DeliveryChannel, DeliveryFailure } from "./channel.js";
import { backoffDelay, describeFailure } from "./classify-failure.js";
import { DeliveryFatalError } from "./delivery-fatal-error.js";
import type { DeliveryOptions } from "./delivery-options.js";
import type { DeliveryStats } from "./delivery-stats.js";

export interface SettleDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  options: DeliveryOptions;
  stats: DeliveryStats;
  /** Subscriptions changed (deactivated, moved): the scheduler should refresh. Called after commit. */
  onChange: () => void;
}

/** A row as claimed: `attempts` already counts this attempt, `claimedEpoch` is the fence. */
export type ClaimedRow = LedgerRow & { claimedEpoch: number };

export interface SettleOutcome {
  /** Delivery must stop (401). */
  fatal?: DeliveryFatalError;
  /** Best-effort work after the ledger write commits (telling a chat it was turned off). */
  after?: () => Promise<void>;
}

/**
 * The one retry layer: records a send's outcome in the ledger and picks the next step by failure
 * kind. Synchronous, so the worker can settle many sends in one transaction (one fsync).
 */
export function createSendSettler(deps: SettleDeps) {
  const { store, clock, logger, options, stats } = deps;
  const ledger = store.ledger;

  const lost = (row: ClaimedRow) =>
    logger.warn({ row: row.id }, "ledger row was taken over by another process; leaving it");

  /** sent and uncertain both mark the cards received: a doubled card is worse than a missed one. */
  function finish(row: ClaimedRow, status: SettledStatus, error: string | null): boolean {
    const now = clock.now();
    return store.transaction(() => {
      if (!ledger.settle(row.id, row.claimedEpoch, status, error, now)) return false;
      if (status !== "failed") {
        store.received.mark(row.target, row.cardIds, row.subscriptionId, now);
      }
      if (status === "sent") store.subscriptions.recordSuccess(row.subscriptionId);
      return true;
    });
  }

  function retry(row: ClaimedRow, delayMs: number, error: string, maybeDelivered = false): void {
    const now = clock.now();
    const next = new Date(now.getTime() + Math.max(0, delayMs));
    if (
      !ledger.release(row.id, row.claimedEpoch, { nextAttemptAt: next, error, maybeDelivered }, now)
    ) {
      lost(row);
    }
  }

  function uncertain(row: ClaimedRow, error: string): void {
    if (!finish(row, "uncertain", error)) return lost(row);
    stats.uncertain++;
    logger.warn(
      { row: row.id, chat: row.target.chatId, error },
      "delivery uncertain; not resending",
    );
  }

  function ambiguous(row: ClaimedRow, channel: DeliveryChannel, error: string): void {
    const now = clock.now().getTime();
    const delay = backoffDelay(row.attempts, options.backoffBaseMs, options.backoffMaxMs);
    const since = Date.parse(
      row.maybeDeliveredAt ?? row.lastAttemptAt ?? new Date(now).toISOString(),
    );
    // A resend is safe only with the same nonce, and only while the platform still remembers it.
    const dedupStillHolds = now + delay - since < options.ambiguousWindowMs;
    if (channel.idempotent && dedupStillHolds && row.attempts < options.maxAttempts) {
      stats.retried++;
      return retry(row, delay, error, true);
    }
    uncertain(row, error);
  }

  function chatGone(
    row: ClaimedRow,
    channel: DeliveryChannel,
    permanent: boolean,
    error: string,
  ): SettleOutcome {
    const now = clock.now();
    const outcome = store.transaction(() => {
      if (!ledger.settle(row.id, row.claimedEpoch, "failed", error, now)) return undefined;
      // The rest of this digest would fail the same way; one digest counts as one failure.
      ledger.cancelPending({ subscriptionId: row.subscriptionId, slot: row.slot }, error, now);
      const failures = store.subscriptions.recordFailure(row.subscriptionId);
      const deactivate = failures > 0 && (permanent || failures >= options.deactivateAfter);
      if (deactivate) {
        store.subscriptions.deactivate(row.subscriptionId);
        ledger.cancelPending(
          { subscriptionId: row.subscriptionId },
          "subscription deactivated",
          now,
        );
      }
      return { failures, deactivate };
    });
    if (outcome === undefined) {
      lost(row);
      return {};
    }
    stats.failed++;
    logger.warn({ row: row.id, chat: row.target.chatId, ...outcome, error }, "chat unreachable");
    if (!outcome.deactivate) return {};
    stats.deactivated++;
    const text =
      `Digest subscription ${row.subscriptionId} was turned off because deliveries kept failing. ` +
      "Use /subscribe to start again.";
    return {
      after: async () => {
        deps.onChange();
        await channel.notice?.(row.target, text);
      },
    };
  }

  function chatMoved(row: ClaimedRow, newChatId: string, error: string): SettleOutcome {
    const { platform, chatId } = row.target;
    if (newChatId === "" || newChatId === chatId) {
      logger.error({ row: row.id, newChatId }, "chat_moved without a new chat id; failing the row");
      if (finish(row, "failed", error)) stats.failed++;
      return {};
    }
    const now = clock.now();
    const released = store.transaction(() => {
      store.subscriptions.moveChat(platform, chatId, newChatId);
      store.received.moveChat(platform, chatId, newChatId);
      ledger.retarget(platform, chatId, newChatId, now);
      return ledger.release(row.id, row.claimedEpoch, { nextAttemptAt: now, error }, now);
    });
    if (!released) lost(row);
    stats.moved++;
    logger.info({ platform, from: chatId, to: newChatId }, "chat moved; subscriptions follow it");
    return { after: async () => deps.onChange() };
  }

  function settle(
    row: ClaimedRow,
    channel: DeliveryChannel,
    failure: DeliveryFailure | undefined,
    cause?: unknown,
  ): SettleOutcome {
    if (failure === undefined) {
      if (finish(row, "sent", null)) stats.sent++;
      else lost(row);
      return {};
    }
    const error = describeFailure(failure, cause);
    switch (failure.kind) {
      case "rate_limited":
        stats.rateLimited++;
        retry(row, failure.retryAfterMs, error);
        return {};
      case "not_sent":
        notSent(row, error);
        return {};
      case "ambiguous":
        ambiguous(row, channel, error);
        return {};
      case "chat_moved":
        return chatMoved(row, failure.newChatId, error);
      case "chat_gone":
        return chatGone(row, channel, failure.permanent, error);
      case "bad_payload":
        if (finish(row, "failed", error)) stats.failed++;
        // A rejected payload is a renderer bug: loud, with what was sent.
        logger.error({ row: row.id, payload: row.payload, error }, "platform rejected the payload");
        return {};
      case "unauthorized":
        // 401: nothing was delivered; the row waits for a valid token.
        retry(row, 0, error);
        return {
          fatal: new DeliveryFatalError(
            `${channel.platform} rejected the bot token (401); delivery stopped`,
            { platform: channel.platform, row: row.id },
            { cause },
          ),
        };
    }
  }

  function notSent(row: ClaimedRow, error: string): void {
    if (row.attempts < options.maxAttempts) {
      stats.retried++;
      return retry(
        row,
        backoffDelay(row.attempts, options.backoffBaseMs, options.backoffMaxMs),
        error,
      );
    }
    if (finish(row, "failed", error)) stats.failed++;
    logger.error({ row: row.id, attempts: row.attempts, error }, "giving up after retries");
  }

  return {
    settle,
    uncertain,
    failed(row: ClaimedRow, error: string): void {
      if (!finish(row, "failed", error)) return lost(row);
      stats.failed++;
      logger.error({ row: row.id, error }, "delivery failed");
    },
  };
}

export type SendSettler = ReturnType<typeof createSendSettler>;
