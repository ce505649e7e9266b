import type { Clock } from "../lib/index.js";
import type { Logger } from "../lib/index.js";
import type { ChangeFeed, Store } from "../store/index.js";
import type { DeliveryChannel } from "./channel.js";
import { createDeliveryLease } from "./delivery-lease.js";
import type { DeliveryFatalError } from "./delivery-fatal-error.js";
import { deliveryOptions, type DeliveryOptions } from "./delivery-options.js";
import { emptyStats, type DeliveryStats } from "./delivery-stats.js";
import { createLeaseHolder, isLeaseHolderGone } from "./lease-holder.js";
import { createLedgerPruner } from "./ledger-pruner.js";
import { createLedgerWorker } from "./ledger-worker.js";
import { createSendSettler } from "./settle-send.js";
import { sleep as realSleep, type Sleep } from "./sleep.js";
import type { OnSlot } from "./schedule/index.js";
import { createSlotHandler, type EnqueueResult, type SlotInfo } from "./slot-handler.js";
import type { Platform, Subscription } from "../model/index.js";

export interface DeliveryEngineDeps {
  store: Store;
  /** One per platform; a platform without a channel gets no digests queued. */
  channels: readonly DeliveryChannel[];
  clock: Clock;
  logger: Logger;
  sleep?: Sleep;
  options?: Partial<DeliveryOptions>;
  /** Lease holder name; default `host:pid:random`. */
  holder?: string;
  isHolderGone?: (holder: string) => boolean;
  /** Delivery stopped for good (401, lease held with leaseBusy "exit", ledger failure): exit non-zero. */
  onFatal?: (error: DeliveryFatalError) => void;
  /** Deactivated or moved subscriptions are announced here (schedulers reload). */
  changes?: ChangeFeed;
}

export interface DeliveryEngine {
  /** For the scheduler: queue this slot's digest (durably) and wake the worker. */
  onSlot: OnSlot;
  /** Same as onSlot, with the outcome (for tests and tools). */
  enqueue(subscription: Subscription, slot: Date, info?: SlotInfo): Promise<EnqueueResult>;
  /** Starts the worker (lease, crash recovery, sending); returns at once. */
  start(): void;
  /** Stops taking rows, lets in-flight sends finish, releases the lease. Idempotent; closes nothing. */
  stop(): Promise<void>;
  /** Resolves when nothing is pending or in flight. */
  whenIdle(): Promise<void>;
  stats(): DeliveryStats;
  readonly fatal: DeliveryFatalError | undefined;
}

/** The delivery side of the app: slots in, paced and retried sends out, all through the ledger. */
export function createDeliveryEngine(deps: DeliveryEngineDeps): DeliveryEngine {
  const options = deliveryOptions(deps.options);
  const sleep = deps.sleep ?? realSleep;
  const stats = emptyStats();
  const channels = new Map<Platform, DeliveryChannel>(deps.channels.map((c) => [c.platform, c]));
  const onChange = () => deps.changes?.publish("subscriptions");
  const holder = deps.holder ?? createLeaseHolder();
  const settler = createSendSettler({ ...deps, options, stats, onChange });
  // One worker and one lease per platform: rate limits are per bot token, so each platform has
  // exactly one sender, and two platforms' senders may live in different processes.
  const workers = [...channels].map(([platform, channel]) =>
    createLedgerWorker({
      ...deps,
      channels: new Map([[platform, channel]]),
      platform,
      sleep,
      options,
      lease: createDeliveryLease({
        store: deps.store,
        clock: deps.clock,
        holder,
        name: `${options.leasePrefix}:${platform}`,
        ttlMs: options.leaseTtlMs,
        isHolderGone: deps.isHolderGone ?? isLeaseHolderGone,
      }),
      settler,
      onFatal: deps.onFatal ?? (() => {}),
    }),
  );
  const wake = () => workers.forEach((w) => w.wake());
  const slots = createSlotHandler({ ...deps, channels, sleep, options, onEnqueued: wake });
  let stopping: Promise<void> | undefined;
  const pruner = createLedgerPruner({
    ...deps,
    sleep,
    retentionMs: options.ledgerRetentionMs,
    everyMs: options.pruneEveryMs,
  });

  return {
    onSlot: slots.onSlot,
    enqueue: slots.enqueue,
    start: () => {
      workers.forEach((w) => w.start());
      pruner.start();
    },
    stop() {
      stopping ??= (async () => {
        await pruner.stop();
        await slots.drain();
        await Promise.all(workers.map((w) => w.stop()));
      })();
      return stopping;
    },
    whenIdle: async () => {
      await Promise.all(workers.map((w) => w.whenIdle()));
    },
    stats: () => ({ ...stats }),
    get fatal() {
      return workers.find((w) => w.fatal !== undefined)?.fatal;
    },
  };
}
