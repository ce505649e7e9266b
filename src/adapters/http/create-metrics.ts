import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";
import type { Platform } from "../../model/index.js";
import { systemClock, type Clock } from "../../lib/index.js";
import { LEDGER_STATUSES, type LedgerCounts, type Store } from "../../store/index.js";

export type SendOutcome = "sent" | "failed" | "uncertain";

/** What the scrape reads from the store: counts only, never a URL or chat id. */
export type MetricsStore = Pick<Store, "cards" | "ledger" | "lease">;

export interface MetricsOptions {
  /** Read at each scrape for the stored-cards, ledger and lease gauges. */
  store?: MetricsStore;
  /** Leases to report (`deliver:telegram`, `deliver:discord`). */
  leases?: readonly string[];
  clock?: Clock;
  /** Node process metrics (memory, event loop lag, CPU); default true. */
  processMetrics?: boolean;
}

/** The app's counters (label values are closed enums, so no URL or chat id can become a label). */
export interface Metrics {
  readonly registry: Registry;
  cardMade(): void;
  send(platform: Platform, outcome: SendOutcome): void;
  rateLimited(platform: Platform): void;
}

const PREFIX = "news_digest_";

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  const cardsMade = new Counter({
    name: `${PREFIX}cards_made_total`,
    help: "Cards built from new or changed articles since start",
    registers,
  });
  const sends = new Counter({
    name: `${PREFIX}sends_total`,
    help: "Digest message sends by platform and outcome (one per attempt)",
    labelNames: ["platform", "outcome"] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: `${PREFIX}rate_limited_total`,
    help: "Sends refused with 429 (rate limited) by platform",
    labelNames: ["platform"] as const,
    registers,
  });
  if (options.store)
    registerStoreGauges(
      registry,
      options.store,
      options.leases ?? [],
      options.clock ?? systemClock,
    );

  return {
    registry,
    cardMade: () => cardsMade.inc(),
    send: (platform, outcome) => sends.inc({ platform, outcome }),
    rateLimited: (platform) => rateLimited.inc({ platform }),
  };
}

interface StoreSnapshot {
  cards: number;
  counts: LedgerCounts;
  leases: Array<{ name: string; held: boolean; epoch: number }>;
}

/** Gauges read from the store at scrape time; a failing store reports `store_up 0`, not a 500. */
function registerStoreGauges(
  registry: Registry,
  store: MetricsStore,
  leases: readonly string[],
  clock: Clock,
) {
  const registers = [registry];
  // The registry collects all metrics in parallel: share one store read per scrape.
  let reading: Promise<StoreSnapshot | undefined> | undefined;
  const snapshot = () =>
    (reading ??= readSnapshot(store, leases, clock).finally(() => {
      reading = undefined;
    }));
  const gauge = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    fill: (g: Gauge<L>, s: StoreSnapshot) => void,
  ) =>
    new Gauge<L>({
      name: `${PREFIX}${name}`,
      help,
      labelNames,
      registers,
      async collect() {
        const s = await snapshot();
        if (s) fill(this, s);
        // Unknown, not zero: labelled series vanish, a plain gauge reads NaN.
        else if (labelNames.length > 0) this.reset();
        else (this as Gauge<string>).set(Number.NaN);
      },
    });

  gauge("cards_stored", "Cards in the store", [], (g, s) => g.set(s.cards));
  gauge("ledger_rows", "Delivery ledger rows by status", ["status"], (g, s) => {
    for (const status of LEDGER_STATUSES) g.set({ status }, s.counts[status]);
  });
  gauge("ledger_backlog", "Ledger rows waiting to be sent (pending)", [], (g, s) =>
    g.set(s.counts.pending),
  );
  gauge("lease_held", "1 while a process holds the lease (unexpired)", ["lease"], (g, s) => {
    for (const l of s.leases) g.set({ lease: l.name }, l.held ? 1 : 0);
  });
  gauge("lease_epoch", "The lease's fencing epoch (grows on each takeover)", ["lease"], (g, s) => {
    for (const l of s.leases) g.set({ lease: l.name }, l.epoch);
  });
  new Gauge({
    name: `${PREFIX}store_up`,
    help: "1 when the store answered this scrape, else 0",
    registers,
    async collect() {
      this.set((await snapshot()) ? 1 : 0);
    },
  });
}

async function readSnapshot(
  store: MetricsStore,
  leases: readonly string[],
  clock: Clock,
): Promise<StoreSnapshot | undefined> {
  try {
    const now = clock.now().getTime();
    const records = await Promise.all(leases.map((name) => store.lease.get(name)));
    return {
      cards: await store.cards.count(),
      counts: await store.ledger.counts(),
      leases: leases.map((name, i) => {
        const record = records[i];
        return {
          name,
          held: !!record && Date.parse(record.expiresAt) > now,
          epoch: record?.epoch ?? 0,
        };
      }),
    };
  } catch {
    return undefined;
  }
}
