import type { FactCard } from "../model/index.js";
import type { CardStore } from "../store/index.js";
import { matchesFilter } from "./matches-filter.js";
import type { Subscription } from "../model/index.js";

export interface DigestRequest {
  subscription: Subscription;
  first: boolean;
  sourceIds?: readonly string[];
}

/**
 * `composeDigest` for many subscriptions at once: each round reads one page for every digest
 * still short of cards in one call, so a cron minute costs a few round trips, not one per chat.
 */
export async function composeDigests(
  cards: Pick<CardStore, "unreceivedMany">,
  requests: readonly DigestRequest[],
): Promise<FactCard[][]> {
  const picked: FactCard[][] = requests.map(() => []);
  const pageSize = requests.map(({ subscription: s }) =>
    s.include.length > 0 || s.exclude.length > 0 ? Math.max(50, s.count * 4) : s.count,
  );
  let open = requests.map((_, i) => i).filter((i) => requests[i]!.subscription.count > 0);
  for (let round = 0; open.length > 0; round++) {
    const pages = await cards.unreceivedMany(
      open.map((i) => {
        const { subscription, first, sourceIds } = requests[i]!;
        return {
          target: subscription.target,
          // Later digests only look at cards that arrived after the subscription was made.
          ...(first ? {} : { arrivedSince: subscription.createdAt }),
          ...(sourceIds === undefined ? {} : { sourceIds }),
          limit: pageSize[i]!,
          offset: round * pageSize[i]!,
        };
      }),
    );
    open = open.filter((i, n) => {
      const page = pages[n]!;
      const { subscription } = requests[i]!;
      for (const card of page) {
        if (picked[i]!.length < subscription.count && matchesFilter(card, subscription))
          picked[i]!.push(card);
      }
      return picked[i]!.length < subscription.count && page.length === pageSize[i];
    });
  }
  return picked;
}
