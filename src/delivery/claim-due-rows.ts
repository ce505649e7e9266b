import type { Store } from "../store/index.js";
import type { DeliveryChannel } from "./channel.js";
import type { DeliveryOptions } from "./delivery-options.js";
import type { Pacer } from "./pacer.js";
import type { ClaimedRow, SendSettler } from "./settle-send.js";
import type { Platform } from "../model/index.js";

/** One channel as the worker drives it. */
export interface Lane {
  channel: DeliveryChannel;
  pacer: Pacer;
  /** Claimed and not yet settled: bounded by the channel's concurrency. */
  inFlight: number;
}

export interface ClaimRound {
  /** False when the lease was no longer ours: nothing was claimed. */
  held: boolean;
  claimed: Array<[Lane, ClaimedRow]>;
  /** When a channel's rate was used up: the earliest time to try again. */
  retryAt: number;
}

/** A row that may already have arrived goes again only with its nonce, inside the dedup window. */
function mustNotResend(channel: DeliveryChannel, row: ClaimedRow, nowMs: number, windowMs: number) {
  if (row.maybeDeliveredAt === null) return false;
  if (!channel.idempotent) return true;
  return nowMs - Date.parse(row.maybeDeliveredAt) >= windowMs;
}

/**
 * One transaction: checks the lease (fencing), then claims every due row that concurrency and
 * pacing allow now (pending → sending), parks rows whose chat must wait, and settles rows that
 * must not be sent again. The caller starts the sends after the commit.
 */
export async function claimDueRows(deps: {
  store: Store;
  settler: SendSettler;
  lanes: ReadonlyMap<Platform, Lane>;
  options: Pick<DeliveryOptions, "batchSize" | "ambiguousWindowMs">;
  holdsLease: (tx: Store) => Promise<boolean>;
  /** Only this platform's rows: each platform has its own worker and lease. */
  platform?: Platform;
  epoch: number;
  free: number;
  now: Date;
}): Promise<ClaimRound> {
  const { store, settler, lanes, options, epoch, now } = deps;
  const nowMs = now.getTime();
  const claimed: Array<[Lane, ClaimedRow]> = [];
  let retryAt = Number.POSITIVE_INFINITY;
  const held = await store.transaction(async (tx) => {
    if (!(await deps.holdsLease(tx))) return false;
    const limit = Math.min(options.batchSize, deps.free + 4);
    for (const row of await tx.ledger.due(now, limit, deps.platform)) {
      const lane = lanes.get(row.target.platform);
      if (lane !== undefined) {
        if (lane.inFlight >= lane.channel.limits.concurrency) continue;
        const wait = lane.pacer.delay(row.target.chatId, nowMs);
        if (wait.global > 0) {
          retryAt = Math.min(retryAt, nowMs + wait.global);
          continue;
        }
        if (wait.chat > 0) {
          // Park the row rather than skip it every round: later rows to this chat queue behind it.
          await tx.ledger.defer(row.id, new Date(nowMs + wait.chat), now);
          continue;
        }
      }
      if (!(await tx.ledger.claim(row.id, epoch, now))) continue;
      const at = now.toISOString();
      const claimedRow: ClaimedRow = {
        ...row,
        status: "sending",
        attempts: row.attempts + 1,
        firstAttemptAt: row.firstAttemptAt ?? at,
        lastAttemptAt: at,
        claimedEpoch: epoch,
      };
      if (lane === undefined) {
        await settler.failed(tx, claimedRow, `no channel for ${row.target.platform}`);
      } else if (mustNotResend(lane.channel, claimedRow, nowMs, options.ambiguousWindowMs)) {
        const error = "ambiguous: too late to resend with the same nonce";
        await settler.uncertain(tx, claimedRow, error);
      } else {
        lane.pacer.record(row.target.chatId, nowMs);
        lane.inFlight++;
        claimed.push([lane, claimedRow]);
      }
    }
    return true;
  });
  return { held, claimed, retryAt };
}
