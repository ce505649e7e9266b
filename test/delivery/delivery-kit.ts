import { vi } from "vitest";
import {
  createDeliveryEngine,
  type DeliveryEngine,
  type DeliveryEngineDeps,
  type DeliveryFatalError,
  type NewSubscription,
  type Subscription,
} from "../../src/delivery/index.js";
import { systemClock, type Clock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/logger.js";
import type { Store } from "../../src/store/index.js";
import { makeCard } from "../fixtures/cards.js";
import type { CapturingChannel } from "../fakes/capturing-channel.js";
import { postgresInUse, settleIo } from "../store/postgres-kit.js";

export const SLOT = new Date("2024-03-01T08:00:00.000Z");

export async function subscribeChats(
  store: Store,
  count: number,
  now: Date,
  overrides: Partial<NewSubscription> = {},
): Promise<Subscription[]> {
  return store.transaction(async (tx) => {
    const subs: Subscription[] = [];
    for (let i = 0; i < count; i++) {
      subs.push(
        await tx.subscriptions.create(
          {
            target: { platform: "telegram", chatId: `chat-${i}`, threadId: null },
            cron: "0 8 * * *",
            createdBy: "tester",
            ...overrides,
          },
          now,
        ),
      );
    }
    return subs;
  });
}

export async function addCards(store: Store, ids: number[], arrivedAt: Date): Promise<void> {
  for (const i of ids) await store.cards.upsert(makeCard(i), arrivedAt);
}

export interface TestEngine {
  engine: DeliveryEngine;
  fatal: DeliveryFatalError[];
  changes: () => number;
}

export function createTestEngine(
  store: Store,
  channel: CapturingChannel,
  deps: Partial<DeliveryEngineDeps> = {},
): TestEngine {
  const fatal: DeliveryFatalError[] = [];
  let changes = 0;
  const engine = createDeliveryEngine({
    store,
    channels: [channel],
    clock: systemClock,
    logger: silentLogger,
    onFatal: (error) => fatal.push(error),
    changes: { publish: () => void changes++, subscribe: () => () => {} },
    ...deps,
    options: { backoffBaseMs: 1_000, leaseTtlMs: 30_000, ...deps.options },
  });
  return { engine, fatal, changes: () => changes };
}

/** Queues one slot's digest for every subscription, as the scheduler would at that minute. */
export async function fireSlot(engine: DeliveryEngine, subs: Subscription[], slot = SLOT) {
  const all = Promise.all(subs.map((s) => engine.enqueue(s, slot, { catchUp: false })));
  if (!vi.isFakeTimers()) return all;
  // Big minutes are queued in batches with a timer yield between them: let fake time move.
  let done = false;
  void all.finally(() => (done = true));
  while (!done) {
    if (postgresInUse()) await settleIo();
    if (!done) await vi.advanceTimersByTimeAsync(1);
  }
  return all;
}

/** Fake time in steps that wait for a Postgres store's queries (time stands still during I/O). */
export async function advanceBy(ms: number, stepMs = 25): Promise<void> {
  if (!postgresInUse()) {
    await vi.advanceTimersByTimeAsync(ms);
    return;
  }
  for (let left = ms; left > 0; left -= stepMs) {
    await settleIo();
    await vi.advanceTimersByTimeAsync(Math.min(stepMs, left));
  }
  await settleIo();
}

/** With fake timers: advances time in steps until the engine reports idle. Returns elapsed ms. */
export async function advanceUntilIdle(
  engine: DeliveryEngine,
  clock: Clock = systemClock,
  stepMs = 100,
) {
  const start = clock.now().getTime();
  let idle = false;
  void engine.whenIdle().then(() => (idle = true));
  const pg = postgresInUse();
  // With Postgres, small steps each after the queries settle: gaps stay within a step of exact.
  const step = pg ? Math.min(stepMs, 25) : stepMs;
  for (let i = 0; i < 100_000 * (stepMs / step) && !idle; i++) {
    if (pg) await settleIo();
    if (!idle) await vi.advanceTimersByTimeAsync(step);
  }
  if (!idle) throw new Error("engine never became idle");
  return clock.now().getTime() - start;
}

/** Stops engines; with fake timers, moves time on meanwhile (a stop waits for sends in flight). */
export async function stopEngines(engines: readonly DeliveryEngine[]): Promise<void> {
  let done = false;
  const stopped = Promise.all(engines.map((e) => e.stop())).finally(() => (done = true));
  for (let i = 0; i < 10_000 && !done && vi.isFakeTimers(); i++) await advanceBy(100);
  await stopped;
}
