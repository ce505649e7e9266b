import type { Logger } from "../lib/index.js";
import type { Store } from "../store/index.js";
import type { DeliveryChannel } from "./channel.js";
import type { SendSettler } from "./settle-send.js";
import type { Platform } from "../model/index.js";

const CAUSE = new Error("in flight when the previous delivery process stopped");

/**
 * Rows a previous lease holder left `sending` (crash, kill -9, lost lease) may or may not have
 * arrived: they are settled as ambiguous sends, so a nonce channel resends them inside its dedup
 * window and any other channel marks them uncertain. Runs right after taking the lease.
 */
export async function recoverOrphans(deps: {
  store: Store;
  logger: Logger;
  settler: SendSettler;
  channels: ReadonlyMap<Platform, DeliveryChannel>;
  epoch: number;
  /** Only this platform's rows: another platform's worker (and lease epoch) owns the rest. */
  platform?: Platform;
}): Promise<number> {
  const { store, settler, epoch } = deps;
  const recovered = await store.transaction(async (tx) => {
    let n = 0;
    for (const row of await tx.ledger.list({ status: "sending" })) {
      if (row.claimedEpoch === null || row.claimedEpoch >= epoch) continue;
      if (deps.platform !== undefined && row.target.platform !== deps.platform) continue;
      const claimed = { ...row, claimedEpoch: row.claimedEpoch };
      const channel = deps.channels.get(row.target.platform);
      if (channel === undefined)
        await settler.uncertain(tx, claimed, `ambiguous: ${CAUSE.message}`);
      else await settler.settle(tx, claimed, channel, { kind: "ambiguous" }, CAUSE);
      n++;
    }
    return n;
  });
  if (recovered > 0) deps.logger.warn({ rows: recovered }, "recovered rows left in flight");
  return recovered;
}
