import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createScheduler, type DeliveryEngine, type Scheduler } from "../../src/delivery/index.js";
import { systemClock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/logger.js";
import type { Store } from "../../src/store/index.js";
import { createCapturingChannel } from "../fakes/capturing-channel.js";
import { makeCard } from "../fixtures/cards.js";
import { implementations, type StoreHandle } from "../store/store-kit.js";
import {
  addCards,
  advanceBy,
  createTestEngine,
  stopEngines,
  subscribeChats,
} from "./delivery-kit.js";

const HOUR = 3_600_000;
/** 20:30 in Berlin (UTC+1 in January). */
const START = new Date("2025-01-10T19:30:00.000Z");
const cardId = (i: number) => makeCard(i).id;

// Postgres: fake time stands still during its I/O, so hours of fake time crawl; the engines share
// the slot handler, and the settings port is contract-tested on all three.
const embedded = implementations.filter(([name]) => name !== "postgres");

describe.each(embedded)("quiet hours (%s store)", (_, open) => {
  let handle: StoreHandle;
  let store: Store;
  let engine: DeliveryEngine | undefined;
  let scheduler: Scheduler | undefined;

  beforeEach(async () => {
    vi.useFakeTimers({ now: START });
    handle = await open();
    store = handle.store;
  });
  afterEach(async () => {
    await scheduler?.stop();
    if (engine) await stopEngines([engine]);
    await handle.close();
    vi.useRealTimers();
  });

  /** The engine and a scheduler over the store's subscriptions, on real time math. */
  async function startDelivery(started: DeliveryEngine): Promise<void> {
    scheduler = createScheduler({
      store: store.subscriptions,
      onSlot: started.onSlot,
      clock: systemClock,
      logger: silentLogger,
      reloadMs: 24 * HOUR,
    });
    started.start();
    await scheduler.start();
  }

  it("holds every hourly digest of the night and sends one when the window opens, nothing lost or twice", async () => {
    const channel = createCapturingChannel();
    engine = createTestEngine(store, channel).engine;
    const [sub] = await subscribeChats(store, 1, START, {
      cron: "0 * * * *",
      timezone: "Europe/Berlin",
    });
    await store.settings.update(
      { platform: "telegram", chatId: sub!.target.chatId },
      { quietHours: { start: "22:00", end: "07:00" } },
      START,
    );
    await startDelivery(engine);
    // Digests (parts grouped by nonce's slot), each with the minute it reached the chat.
    const digests = () => {
      const bySlot = new Map<string, { at: string; cards: string[] }>();
      for (const r of channel.deliveredTo(sub!.target.chatId)) {
        const slot = r.nonce.split(".").slice(0, 2).join(".");
        const at = new Date(r.at).toISOString().slice(0, 16);
        const digest = bySlot.get(slot) ?? { at, cards: [] };
        digest.cards.push(...(r.part["cardIds"] as string[]));
        bySlot.set(slot, digest);
      }
      return [...bySlot.values()];
    };

    // A new card before each hour from 21:00 to 07:00 Berlin; 21:00 is before the window.
    for (let hour = 0; hour < 11; hour++) {
      await addCards(store, [hour + 1], new Date(START.getTime() + hour * HOUR + 60_000));
      await advanceBy(HOUR, 60_000);
    }
    await advanceBy(5 * 60_000, 1_000);

    // 21:00 went out; 22:00-06:00 waited; at 07:00 one digest with the night's cards.
    expect(digests()).toEqual([
      { at: "2025-01-10T20:00", cards: [cardId(1)] },
      { at: "2025-01-11T06:00", cards: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(cardId) },
    ]);
  });

  it("delivers at the slot as before when the chat has no quiet hours", async () => {
    const channel = createCapturingChannel();
    engine = createTestEngine(store, channel).engine;
    const [sub] = await subscribeChats(store, 1, START, { cron: "0 23 * * *", timezone: "UTC" });
    await startDelivery(engine);
    await addCards(store, [1], START);
    await advanceBy(4 * HOUR, 60_000);
    const sent = channel.deliveredTo(sub!.target.chatId);
    expect(sent.map((r) => new Date(r.at).toISOString().slice(0, 16))).toEqual([
      "2025-01-10T23:00",
    ]);
  });
});
