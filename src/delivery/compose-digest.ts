import type { FactCard } from "../model/index.js";
import type { CardStore } from "../store/index.js";
import { matchesFilter } from "./matches-filter.js";
import type { Subscription } from "../model/index.js";

/**
 * The sources a subscription reads: the chat's (`chatIds`, undefined = no sources registered),
 * narrowed to the subscription's own choice when it made one.
 */
export function subscriptionSourceIds(
  subscription: Pick<Subscription, "sourceIds">,
  chatIds: readonly string[] | undefined,
): readonly string[] | undefined {
  if (subscription.sourceIds.length === 0) return chatIds;
  if (chatIds === undefined) return subscription.sourceIds;
  return chatIds.filter((id) => subscription.sourceIds.includes(id));
}

/**
 * The cards a digest holds: not yet received by the target, of its sources, matching the filter,
 * newest first, up to `count`. Later digests only look at cards that arrived after the subscription was made, so
 * the backlog never trickles out; the first digest takes the newest cards regardless of arrival.
 */
export async function composeDigest(
  cards: Pick<CardStore, "unreceived">,
  subscription: Subscription,
  options: { first: boolean; sourceIds?: readonly string[] },
): Promise<FactCard[]> {
  const want = subscription.count;
  const filtered = subscription.include.length > 0 || subscription.exclude.length > 0;
  const pageSize = filtered ? Math.max(50, want * 4) : want;
  const arrivedSince = options.first ? undefined : subscription.createdAt;
  const sourceIds = subscriptionSourceIds(subscription, options.sourceIds);
  const picked: FactCard[] = [];
  for (let offset = 0; picked.length < want; offset += pageSize) {
    const page = await cards.unreceived(subscription.target, {
      arrivedSince,
      ...(sourceIds === undefined ? {} : { sourceIds }),
      limit: pageSize,
      offset,
    });
    for (const card of page) {
      if (picked.length < want && matchesFilter(card, subscription)) picked.push(card);
    }
    if (page.length < pageSize) break;
  }
  return picked;
}
