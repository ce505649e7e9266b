import { nextSlot, parseSchedule } from "../../delivery/index.js";
import type { Clock } from "../../lib/index.js";
import type {
  FactCard,
  LedgerCounts,
  SourceRow,
  StoryCards,
  Subscription,
} from "../../model/index.js";
import type { Queries, StoryQueries } from "../../queries/index.js";
import type { Store } from "../../store/index.js";

export interface SubscriptionStatus {
  subscription: Subscription;
  /** ISO time of the next digest, or null when inactive or the schedule never fires again. */
  nextRun: string | null;
}

/** Everything the status page shows, read in one go. */
export interface StatusData {
  generatedAt: string;
  cards: FactCard[];
  totalCards: number;
  subscriptions: SubscriptionStatus[];
  ledger: LedgerCounts;
  sources: SourceRow[];
  stories: StoryCards[];
}

export async function readStatus(deps: {
  queries: Pick<Queries, "latest">;
  stories?: Pick<StoryQueries, "latestStories">;
  store: Pick<Store, "subscriptions" | "ledger" | "sources">;
  clock: Clock;
  cardLimit: number;
}): Promise<StatusData> {
  const now = deps.clock.now();
  const [latest, subscriptions, ledger, sources, stories] = await Promise.all([
    deps.queries.latest({ limit: deps.cardLimit, offset: 0 }),
    deps.store.subscriptions.list(),
    deps.store.ledger.counts(),
    deps.store.sources.list(),
    deps.stories?.latestStories(deps.cardLimit) ?? Promise.resolve([]),
  ]);
  return {
    generatedAt: now.toISOString(),
    cards: latest.cards,
    totalCards: latest.total,
    subscriptions: subscriptions.map((subscription) => ({
      subscription,
      nextRun: subscription.active ? nextRunOf(subscription, now) : null,
    })),
    ledger,
    sources,
    stories,
  };
}

function nextRunOf(sub: Subscription, now: Date): string | null {
  const parsed = parseSchedule(sub.cron, sub.timezone);
  if (!parsed.ok) return null;
  return nextSlot(parsed.schedule, now)?.toISOString() ?? null;
}
