import type { LedgerRow, Store } from "../store/index.js";

/**
 * Earlier digests of a subscription that have not started going out: every part pending, none
 * possibly delivered. Their slots and their cards' ids, oldest slot first (read only).
 */
export async function waitingDigests(
  store: Pick<Store, "ledger">,
  subscriptionId: string,
): Promise<{ slots: string[]; cardIds: string[] }> {
  const bySlot = new Map<string, LedgerRow[]>();
  for (const row of await store.ledger.pendingFor(subscriptionId)) {
    bySlot.set(row.slot, [...(bySlot.get(row.slot) ?? []), row]);
  }
  const slots: string[] = [];
  const cardIds: string[] = [];
  for (const [slot, rows] of bySlot) {
    const untouched =
      rows.length === rows[0]!.partCount && rows.every((r) => r.maybeDeliveredAt === null);
    if (!untouched) continue;
    slots.push(slot);
    for (const id of rows[0]!.cardIds) if (!cardIds.includes(id)) cardIds.push(id);
  }
  return { slots, cardIds };
}

/**
 * Waiting digests are folded into the next one: after an outage the chat gets one digest that
 * holds every waiting slot's cards, oldest slot first, instead of a burst of stale ones.
 * Returns the folded cards' ids in order; their rows are cancelled.
 */
export async function mergeWaitingDigests(
  store: Pick<Store, "ledger">,
  subscriptionId: string,
  now: Date,
): Promise<string[]> {
  const { slots, cardIds } = await waitingDigests(store, subscriptionId);
  for (const slot of slots) {
    await store.ledger.cancelPending({ subscriptionId, slot }, "merged into a later digest", now);
  }
  return cardIds;
}
