import type { Clock } from "../lib/index.js";
import type { Logger } from "../lib/index.js";
import type { Store } from "../store/index.js";
import type { DeliveryChannel, DeliveryFailure } from "./channel.js";
import { classifyFailure } from "./classify-failure.js";
import type { DeliveryLease } from "./delivery-lease.js";
import { DeliveryFatalError } from "./delivery-fatal-error.js";
import type { DeliveryOptions } from "./delivery-options.js";
import { claimDueRows, type Lane } from "./claim-due-rows.js";
import { createPacer } from "./pacer.js";
import { recoverOrphans } from "./recover-orphans.js";
import type { ClaimedRow, SendSettler } from "./settle-send.js";
import type { Sleep } from "./sleep.js";
import { readStoryEdit } from "./story-edit.js";
import type { Platform } from "../model/index.js";

export interface LedgerWorkerDeps {
  store: Store;
  channels: ReadonlyMap<Platform, DeliveryChannel>;
  clock: Clock;
  logger: Logger;
  sleep: Sleep;
  options: DeliveryOptions;
  lease: DeliveryLease;
  settler: SendSettler;
  onFatal: (error: DeliveryFatalError) => void;
  /** The platform this worker sends for (its lease is `deliver:<platform>`); all when omitted. */
  platform?: Platform;
}

interface Completion {
  lane: Lane;
  row: ClaimedRow;
  failure?: DeliveryFailure;
  cause?: unknown;
  /** The posted message's platform id, for editing it when its story changes. */
  messageId?: string | null;
}

/**
 * The dispatcher. Each round settles the sends that finished and claims the next rows, each in one
 * transaction (one fsync for many rows); a row is `sending` on disk before its send starts.
 */
export function createLedgerWorker(deps: LedgerWorkerDeps) {
  const { store, clock, logger, options, lease, settler } = deps;
  const lanes = new Map<Platform, Lane>();
  for (const [platform, channel] of deps.channels) {
    lanes.set(platform, { channel, pacer: createPacer(channel.limits), inFlight: 0 });
  }
  const inFlight = new Set<string>();
  const completed: Completion[] = [];
  const followUps = new Set<Promise<void>>();
  let running = false;
  let loop: Promise<void> | undefined;
  let wakeup = new AbortController();
  let fatal: DeliveryFatalError | undefined;
  let idleWaiters: Array<() => void> = [];
  let waitingLogged = false;

  const wake = () => wakeup.abort();
  const pause = async (ms: number) => {
    if (!wakeup.signal.aborted) await deps.sleep(Math.max(0, ms), wakeup.signal);
    const woken = wakeup.signal.aborted;
    wakeup = new AbortController();
    // Group commit: let the other sends finishing about now join this round's transaction.
    if (woken && running) await deps.sleep(0);
  };

  function fail(error: DeliveryFatalError): void {
    if (fatal !== undefined) return;
    fatal = error;
    running = false;
    logger.fatal({ err: error }, error.message);
    wake();
  }

  async function acquireLease(): Promise<boolean> {
    const result = await lease.acquire();
    if (result.ok) {
      waitingLogged = false;
      logger.info({ holder: lease.holder, epoch: result.epoch }, "delivery lease acquired");
      await recoverOrphans({ ...deps, epoch: result.epoch, platform: deps.platform });
      return true;
    }
    const { holder, expiresAt } = result.current;
    const message = `delivery lease is held by ${holder} until ${expiresAt}`;
    if (options.leaseBusy === "exit") {
      fail(
        new DeliveryFatalError(`${message}: another process is delivering from this database`, {
          holder,
        }),
      );
    } else if (!waitingLogged) {
      waitingLogged = true;
      logger.warn({ holder }, `${message}; waiting`);
    }
    return false;
  }

  async function send(lane: Lane, row: ClaimedRow): Promise<void> {
    const completion: Completion = { lane, row };
    try {
      const edit = readStoryEdit(row.payload);
      if (edit === undefined) {
        const receipt = await lane.channel.send(row.target, row.payload, { nonce: row.id });
        completion.messageId = receipt?.messageId ?? null;
      } else {
        await lane.channel.edit?.(row.target, edit.messageId, edit.part);
      }
    } catch (error) {
      completion.failure = classifyFailure(error);
      completion.cause = error;
    }
    completed.push(completion);
    wake();
  }

  async function settleCompleted(): Promise<void> {
    if (completed.length === 0) return;
    const batch = completed.splice(0);
    try {
      const outcomes = await store.transaction(async (tx) => {
        const done = [];
        for (const c of batch) {
          done.push(await settler.settle(tx, c.row, c.lane.channel, c.failure, c.cause));
          // The stories this part carried can now be edited in place when their key facts change.
          if (c.failure === undefined && c.messageId) {
            await tx.storyLog.attachMessage(c.row.target, c.row.id, c.messageId);
          }
        }
        return done;
      });
      for (const outcome of outcomes) {
        if (outcome.fatal) fail(outcome.fatal);
        if (outcome.after) {
          const task = outcome.after().finally(() => followUps.delete(task));
          followUps.add(task);
        }
      }
    } catch (error) {
      // Without the ledger we cannot know what was sent: stop rather than risk doubles.
      fail(
        new DeliveryFatalError(
          "could not record deliveries in the ledger",
          { rows: batch.length },
          { cause: error },
        ),
      );
    } finally {
      for (const c of batch) {
        c.lane.inFlight--;
        inFlight.delete(c.row.id);
      }
    }
  }

  /** Claims what limits allow now, then starts those sends; returns how many and when to retry. */
  async function dispatch(
    epoch: number,
    free: number,
  ): Promise<{ started: number; retryAt: number }> {
    const now = clock.now();
    const round = await claimDueRows({
      ...deps,
      lanes,
      epoch,
      free,
      now,
      holdsLease: (tx) => lease.holds(tx, epoch),
      platform: deps.platform,
    });
    if (!round.held) {
      lease.lost();
      logger.warn({ holder: lease.holder }, "delivery lease lost; another process took over");
    }
    for (const [lane, row] of round.claimed) {
      inFlight.add(row.id);
      void send(lane, row);
    }
    // Stamped with the time the last send started, never earlier than any of them really did.
    const startedMs = clock.now().getTime();
    for (const lane of lanes.values()) {
      const keys = round.claimed.filter(([l]) => l === lane).map(([, row]) => row.target.chatId);
      if (keys.length > 0) lane.pacer.restamp(keys, now.getTime(), startedMs);
    }
    return { started: round.claimed.length, retryAt: round.retryAt };
  }

  /** How long to sleep when nothing could start; also where idle waiters are released. */
  async function idleDelay(retryAt: number): Promise<number> {
    const nowMs = clock.now().getTime();
    let delay = Math.min(options.pollMs, lease.msUntilRenewal(), retryAt - nowMs);
    const nextDue = await store.ledger.nextDueAt(deps.platform);
    // Due rows that did not start wait on a busy lane (a finishing send wakes us) or its pacing.
    const dueAt = nextDue === undefined ? undefined : Date.parse(nextDue);
    if (dueAt !== undefined && dueAt > nowMs) delay = Math.min(delay, dueAt - nowMs);
    if (nextDue === undefined && inFlight.size === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
    return Math.max(1, delay);
  }

  async function run(): Promise<void> {
    while (running) {
      await settleCompleted();
      if (!running) break;
      if (lease.epoch === undefined) {
        // Re-acquire only once our own sends are settled: recovery must not touch them.
        if (inFlight.size === 0 && (await acquireLease())) continue;
        await pause(
          inFlight.size > 0 ? options.pollMs : Math.min(options.leaseTtlMs / 2, options.pollMs),
        );
        continue;
      }
      if (!(await lease.renewIfDue())) {
        logger.warn({ holder: lease.holder }, "delivery lease lost; another process took over");
        continue;
      }
      const free = [...lanes.values()].reduce(
        (n, l) => n + Math.max(0, l.channel.limits.concurrency - l.inFlight),
        0,
      );
      if (free === 0) {
        // Every lane busy: a finishing send wakes us, no need to look at the ledger.
        await pause(Math.min(options.pollMs, lease.msUntilRenewal()));
        continue;
      }
      const { started, retryAt } = await dispatch(lease.epoch, free);
      await pause(started > 0 ? 0 : await idleDelay(retryAt));
    }
    await finishInFlight();
    await lease.release();
  }

  async function finishInFlight(): Promise<void> {
    const deadline = clock.now().getTime() + options.stopTimeoutMs;
    for (;;) {
      await settleCompleted();
      const left = deadline - clock.now().getTime();
      if (inFlight.size === 0 || left <= 0) break;
      await pause(left);
    }
    if (inFlight.size > 0) {
      logger.warn(
        { rows: inFlight.size },
        "sends still in flight at stop; the next start recovers them",
      );
    }
    await Promise.allSettled(followUps);
  }

  return {
    start(): void {
      if (running || fatal !== undefined) return;
      running = true;
      loop = run()
        .catch((error: unknown) =>
          fail(new DeliveryFatalError("delivery worker crashed", {}, { cause: error })),
        )
        .finally(() => {
          running = false;
          if (fatal !== undefined) deps.onFatal(fatal);
        });
    },
    async stop(): Promise<void> {
      running = false;
      wake();
      await loop;
    },
    wake,
    /** Resolves when nothing is pending or in flight (as seen by this worker). */
    whenIdle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake();
      }),
    get fatal() {
      return fatal;
    },
  };
}

export type LedgerWorker = ReturnType<typeof createLedgerWorker>;
