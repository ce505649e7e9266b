import type { Logger } from "../lib/index.js";
import type { Platform, Subscription } from "../model/index.js";
import type { NewLedgerRow, ReceivedMark, Store } from "../store/index.js";
import type { DeliveryChannel } from "./channel.js";
import { pickSourceIds } from "./chat-source-ids.js";
import { subscriptionSourceIds } from "./compose-digest.js";
import { composeDigests } from "./compose-digests.js";
import { ledgerRowId } from "./ledger-row-id.js";
import type { EnqueueResult, SlotInfo } from "./enqueue-result.js";

export interface SlotRequest {
  subscription: Subscription;
  slot: Date;
  info: SlotInfo;
}

export interface EnqueueBatchDeps {
  channels: ReadonlyMap<Platform, DeliveryChannel>;
  logger: Logger;
  emptyNotice: string;
}

/**
 * Queues many slots with a fixed number of round trips (reads, one insert, one receipt write)
 * instead of about ten per subscription. A request it leaves `undefined` needs the one-by-one
 * path: a subscription with waiting digests to merge, or a second slot of one subscription.
 */
export async function enqueueBatch(
  tx: Store,
  requests: readonly SlotRequest[],
  now: Date,
  deps: EnqueueBatchDeps,
): Promise<Array<EnqueueResult | undefined>> {
  const { logger } = deps;
  const results: Array<EnqueueResult | undefined> = requests.map(() => undefined);
  const slotIso = requests.map((r) => r.slot.toISOString());
  const ids = requests.map((r) => r.subscription.id);
  const [states, subs] = [
    await tx.ledger.slotStates(
      ids.map((subscriptionId, i) => ({ subscriptionId, slot: slotIso[i]! })),
    ),
    await tx.subscriptions.getMany(ids),
  ];
  const seen = new Set<string>();
  const live: number[] = [];
  requests.forEach((_, i) => {
    const state = states[i]!;
    // Re-read: the chat may have moved or the subscription been turned off since scheduling.
    const sub = subs[i];
    if (state.hasSlot) results[i] = { status: "exists" };
    else if (sub === undefined || !sub.active) results[i] = { status: "inactive" };
    else if (!deps.channels.has(sub.target.platform)) {
      logger.warn(
        { subscription: sub.id, platform: sub.target.platform },
        "no channel for platform",
      );
      results[i] = { status: "no_channel" };
    } else if (state.pending.length === 0 && !seen.has(sub.id)) live.push(i);
    seen.add(ids[i]!);
  });
  if (live.length === 0) return results;
  // A chat with its own language or quiet hours takes the one-by-one path, which reads them.
  const settings: Array<Awaited<ReturnType<Store["settings"]["get"]>>> = [];
  for (const i of live) settings.push(await tx.settings.get(subs[i]!.target));
  const plain = live.filter((_, n) => {
    const s = settings[n];
    return s === undefined || (s.language === null && s.quietHours === null);
  });
  live.length = 0;
  live.push(...plain);
  if (live.length === 0) return results;

  const own = await tx.sources.forChats(live.map((i) => subs[i]!.target));
  const all = own.some((o) => o.length === 0) ? await tx.sources.list() : [];
  const digests = await composeDigests(
    tx.cards,
    live.map((i, n) => {
      const sourceIds = subscriptionSourceIds(subs[i]!, pickSourceIds(own[n]!, all));
      return {
        subscription: subs[i]!,
        first: !states[i]!.hasAny,
        ...(sourceIds === undefined ? {} : { sourceIds }),
      };
    }),
  );

  const rowsOf = new Map<number, NewLedgerRow[]>();
  live.forEach((i, n) => {
    const sub = subs[i]!;
    const cards = digests[n]!;
    if (cards.length === 0 && !sub.notifyEmpty) {
      results[i] = { status: "empty" };
      return;
    }
    try {
      const channel = deps.channels.get(sub.target.platform)!;
      const parts =
        cards.length > 0
          ? channel.render(cards, {
              subscription: sub,
              slot: new Date(slotIso[i]!),
              format: sub.format,
            })
          : channel.render([], { emptyNotice: deps.emptyNotice });
      const cardIds = cards.map((c) => c.id);
      rowsOf.set(
        i,
        parts.map((payload, partIndex) => ({
          id: ledgerRowId(sub.id, slotIso[i]!, partIndex),
          subscriptionId: sub.id,
          slot: slotIso[i]!,
          partIndex,
          partCount: parts.length,
          target: sub.target,
          payload,
          cardIds,
        })),
      );
    } catch (error) {
      logger.error({ err: error, subscription: sub.id }, "could not queue digest");
      results[i] = { status: "error" };
    }
  });

  // Another process's scheduler may have queued the same slot since we looked: it keeps it.
  const inserted = new Set(await tx.ledger.insertNew([...rowsOf.values()].flat(), now));
  const marks: ReceivedMark[] = [];
  for (const [i, rows] of rowsOf) {
    const sub = subs[i]!;
    const count = rows.filter((r) => inserted.has(r.id)).length;
    if (count === 0) {
      results[i] = { status: "empty" };
      continue;
    }
    // Reserve the cards at once: a card is queued for a chat at most once, whatever happens next.
    marks.push({ target: sub.target, cardIds: rows[0]!.cardIds, subscriptionId: sub.id });
    results[i] = { status: "enqueued", rows: count, cards: rows[0]!.cardIds.length };
    if (requests[i]!.info.catchUp)
      logger.info({ subscription: sub.id, slot: slotIso[i] }, "catch-up digest queued");
  }
  await tx.received.markMany(marks, now);
  return results;
}
