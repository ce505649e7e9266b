import type { Logger } from "../lib/logger.js";
import type { Store } from "../store/index.js";
import type { DeliveryChannel } from "./channel.js";
import type { SendSettler } from "./settle-send.js";
import type { Platform } from "../model/subscription.js";

const CAUSE = new Error("in flight when the previous delivery process stopped");

/**
 * Rows a previous lease holder left `sending` (crash, kill -9, lost lease) may or may not have
 * arrived: they are settled as ambiguous sends, so a nonce channel resends them inside its dedup
 * window and any other channel marks them uncertain. Runs right after taking the lease.
 */
export function recoverOrphans(deps: {
  store: Store;
  logger: Logger;
  settler: SendSettler;
  channels: ReadonlyMap<Platform, DeliveryChannel>;
  epoch: number;
}): number {
  const { store, settler, epoch } = deps;
  const recovered = store.transaction(() => {
    let n = 0;
    for (const row of store.ledger.list({ status: "sending" })) {
      if (row.claimedEpoch === null || row.claimedEpoch >= epoch) continue;
      const claimed = { ...row, claimedEpoch: row.claimedEpoch };
      const channel = deps.channels.get(row.target.platform);
      if (channel === undefined) settler.uncertain(claimed, `ambiguous: ${CAUSE.message}`);
      else settler.settle(claimed, channel, { kind: "ambiguous" }, CAUSE);
      n++;
    }
    return n;
  });
  if (recovered > 0) deps.logger.warn({ rows: recovered }, "recovered rows left in flight");
  return recovered;
}
