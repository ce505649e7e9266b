import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeliveryEngine, Subscription } from "../../src/delivery/index.js";
import type { Store } from "../../src/store/index.js";
import { implementations, type StoreHandle } from "../store/store-kit.js";
import { createCapturingChannel } from "../fakes/capturing-channel.js";
import {
  addCards,
  advanceBy,
  advanceUntilIdle,
  createTestEngine,
  SLOT,
  subscribeChats,
} from "./delivery-kit.js";

const minute = (n: number) => new Date(SLOT.getTime() + n * 60_000);

describe.each(implementations)("an API outage across several slots (%s store)", (_, open) => {
  let handle: StoreHandle;
  let store: Store;
  let engine: DeliveryEngine | undefined;

  beforeEach(async () => {
    vi.useFakeTimers();
    vi.setSystemTime(minute(-1));
    handle = await open();
    store = handle.store;
  });
  afterEach(async () => {
    await engine?.stop();
    await handle.close();
    vi.useRealTimers();
  });

  it("delivers every card exactly once per chat, the waiting slots merged in order", async () => {
    let down = true;
    const channel = createCapturingChannel({
      fail: () => (down ? { failure: { kind: "not_sent" } } : undefined),
    });
    engine = createTestEngine(store, channel).engine;
    const subs: Subscription[] = await subscribeChats(store, 40, minute(-2), { cron: "* * * * *" });
    engine.start();
    // A new card arrives before each of four per-minute slots while the API refuses connections.
    for (let slot = 0; slot < 4; slot++) {
      await addCards(store, [slot + 1], minute(slot - 0.5));
      await vi.setSystemTime(minute(slot));
      await Promise.all(subs.map((s) => engine!.enqueue(s, minute(slot), { catchUp: false })));
      await advanceBy(59_000, 1_000);
    }
    expect(channel.delivered).toHaveLength(0);
    down = false;
    await advanceUntilIdle(engine, undefined, 1_000);

    for (const sub of subs) {
      const got = channel
        .deliveredTo(sub.target.chatId)
        .flatMap((r) => r.part["cardIds"] as string[]);
      // Four cards, each once, oldest slot's first.
      expect(got).toEqual([1, 2, 3, 4].map((i) => (0xabc000000000 + i).toString(16).slice(-12)));
    }
    // One digest per chat came out of the outage, not one per missed slot.
    expect(channel.delivered).toHaveLength(40);
  });
});
