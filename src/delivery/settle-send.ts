import type { Clock } from "../lib/index.js";
import type { Logger } from "../lib/index.js";
import type { LedgerRow, SettledStatus, Store } from "../store/index.js";
import type { DeliveryChannel, DeliveryFailure } from "./channel.js";
import { backoffDelay, describeFailure } from "./classify-failure.js";
import { DeliveryFatalError } from "./delivery-fatal-error.js";
import type { DeliveryOptions } from "./delivery-options.js";
import type { DeliveryStats } from "./delivery-stats.js";
import { readStoryEdit } from "./story-edit.js";

export interface SettleDeps {
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
 * kind. Every call takes the store to write through, so the worker can settle many sends in one
 * transaction (one fsync).
 */
export function createSendSettler(deps: SettleDeps) {
  const { clock, logger, options, stats } = deps;

  const lost = (row: ClaimedRow) =>
    logger.warn({ row: row.id }, "ledger row was taken over by another process; leaving it");

  /** sent and uncertain both mark the cards received: a doubled card is worse than a missed one. */
  async function finish(
    store: Store,
    row: ClaimedRow,
    status: SettledStatus,
    error: string | null,
  ): Promise<boolean> {
    const now = clock.now();
    return store.transaction(async (tx) => {
      if (!(await tx.ledger.settle(row.id, row.claimedEpoch, status, error, now))) return false;
      if (status !== "failed") {
        await tx.received.mark(row.target, row.cardIds, row.subscriptionId, now);
      }
      if (status === "sent") await tx.subscriptions.recordSuccess(row.subscriptionId);
      return true;
    });
  }

  async function retry(
    store: Store,
    row: ClaimedRow,
    delayMs: number,
    error: string,
    maybeDelivered = false,
  ): Promise<void> {
    const now = clock.now();
    const next = new Date(now.getTime() + Math.max(0, delayMs));
    const retryAt = { nextAttemptAt: next, error, maybeDelivered };
    if (!(await store.ledger.release(row.id, row.claimedEpoch, retryAt, now))) lost(row);
  }

  async function uncertain(store: Store, row: ClaimedRow, error: string): Promise<void> {
    if (!(await finish(store, row, "uncertain", error))) return lost(row);
    stats.uncertain++;
    logger.warn(
      { row: row.id, chat: row.target.chatId, error },
      "delivery uncertain; not resending",
    );
  }

  async function ambiguous(
    store: Store,
    row: ClaimedRow,
    channel: DeliveryChannel,
    error: string,
  ): Promise<void> {
    const now = clock.now().getTime();
    const delay = backoffDelay(row.attempts, options.backoffBaseMs, options.backoffMaxMs);
    // An edit sets content, it posts nothing: repeating it can never double a message.
    if (readStoryEdit(row.payload) !== undefined && row.attempts < options.maxAttempts) {
      stats.retried++;
      return retry(store, row, delay, error, true);
    }
    const since = Date.parse(
      row.maybeDeliveredAt ?? row.lastAttemptAt ?? new Date(now).toISOString(),
    );
    // A resend is safe only with the same nonce, and only while the platform still remembers it.
    const dedupStillHolds = now + delay - since < options.ambiguousWindowMs;
    if (channel.idempotent && dedupStillHolds && row.attempts < options.maxAttempts) {
      stats.retried++;
      return retry(store, row, delay, error, true);
    }
    await uncertain(store, row, error);
  }

  async function chatGone(
    store: Store,
    row: ClaimedRow,
    channel: DeliveryChannel,
    permanent: boolean,
    error: string,
  ): Promise<SettleOutcome> {
    const now = clock.now();
    const outcome = await store.transaction(async (tx) => {
      if (!(await tx.ledger.settle(row.id, row.claimedEpoch, "failed", error, now))) return;
      // The rest of this digest would fail the same way; one digest counts as one failure.
      const slot = { subscriptionId: row.subscriptionId, slot: row.slot };
      await tx.ledger.cancelPending(slot, error, now);
      const failures = await tx.subscriptions.recordFailure(row.subscriptionId);
      const deactivate = failures > 0 && (permanent || failures >= options.deactivateAfter);
      if (deactivate) {
        await tx.subscriptions.deactivate(row.subscriptionId);
        await tx.ledger.cancelPending(
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

  async function chatMoved(
    store: Store,
    row: ClaimedRow,
    newChatId: string,
    error: string,
  ): Promise<SettleOutcome> {
    const { platform, chatId } = row.target;
    if (newChatId === "" || newChatId === chatId) {
      logger.error({ row: row.id, newChatId }, "chat_moved without a new chat id; failing the row");
      if (await finish(store, row, "failed", error)) stats.failed++;
      return {};
    }
    const now = clock.now();
    const released = await store.transaction(async (tx) => {
      await tx.subscriptions.moveChat(platform, chatId, newChatId);
      await tx.received.moveChat(platform, chatId, newChatId);
      await tx.settings.moveChat(platform, chatId, newChatId);
      await tx.ledger.retarget(platform, chatId, newChatId, now);
      return tx.ledger.release(row.id, row.claimedEpoch, { nextAttemptAt: now, error }, now);
    });
    if (!released) lost(row);
    stats.moved++;
    logger.info({ platform, from: chatId, to: newChatId }, "chat moved; subscriptions follow it");
    return { after: async () => deps.onChange() };
  }

  async function settle(
    store: Store,
    row: ClaimedRow,
    channel: DeliveryChannel,
    failure: DeliveryFailure | undefined,
    cause?: unknown,
  ): Promise<SettleOutcome> {
    if (failure === undefined) {
      if (await finish(store, row, "sent", null)) stats.sent++;
      else lost(row);
      return {};
    }
    const error = describeFailure(failure, cause);
    switch (failure.kind) {
      case "rate_limited":
        stats.rateLimited++;
        await retry(store, row, failure.retryAfterMs, error);
        return {};
      case "not_sent":
        await notSent(store, row, error);
        return {};
      case "ambiguous":
        await ambiguous(store, row, channel, error);
        return {};
      case "chat_moved":
        return chatMoved(store, row, failure.newChatId, error);
      case "chat_gone":
        return chatGone(store, row, channel, failure.permanent, error);
      case "bad_payload":
        if (await finish(store, row, "failed", error)) stats.failed++;
        // A rejected payload is a renderer bug: loud, with what was sent.
        logger.error({ row: row.id, payload: row.payload, error }, "platform rejected the payload");
        return {};
      case "unauthorized":
        // 401: nothing was delivered; the row waits for a valid token.
        await retry(store, row, 0, error);
        return {
          fatal: new DeliveryFatalError(
            `${channel.platform} rejected the bot token (401); delivery stopped`,
            { platform: channel.platform, row: row.id },
            { cause },
          ),
        };
    }
  }

  async function notSent(store: Store, row: ClaimedRow, error: string): Promise<void> {
    if (row.attempts < options.maxAttempts) {
      stats.retried++;
      return retry(
        store,
        row,
        backoffDelay(row.attempts, options.backoffBaseMs, options.backoffMaxMs),
        error,
      );
    }
    if (await finish(store, row, "failed", error)) stats.failed++;
    logger.error({ row: row.id, attempts: row.attempts, error }, "giving up after retries");
  }

  return {
    settle,
    uncertain,
    async failed(store: Store, row: ClaimedRow, error: string): Promise<void> {
      if (!(await finish(store, row, "failed", error))) return lost(row);
      stats.failed++;
      logger.error({ row: row.id, error }, "delivery failed");
    },
  };
}

export type SendSettler = ReturnType<typeof createSendSettler>;
