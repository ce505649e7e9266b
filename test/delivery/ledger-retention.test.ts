import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeliveryEngine } from "../../src/delivery/index.js";
import type { Store } from "../../src/store/index.js";
import { createCapturingChannel, type CapturingChannel } from "../fakes/capturing-channel.js";
import { implementations, type StoreHandle } from "../store/store-kit.js";
import {
  addCards,
  advanceBy,
  advanceUntilIdle,
  createTestEngine,
  fireSlot,
  SLOT,
  subscribeChats,
} from "./delivery-kit.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const later = (minutes: number) => new Date(SLOT.getTime() + minutes * 60_000);

describe.each(implementations)("ledger retention (%s store)", (_name, open) => {
  let handle: StoreHandle;
  let store: Store;
  let channel: CapturingChannel;
  let engine: DeliveryEngine;

  beforeEach(async () => {
    vi.useFakeTimers();
    vi.setSystemTime(SLOT);
    handle = await open();
    store = handle.store;
    channel = createCapturingChannel({ cardsPerPart: 2 });
    engine = createTestEngine(store, channel, {
      options: { ledgerRetentionMs: 2 * DAY, pruneEveryMs: HOUR, pollMs: HOUR, leaseTtlMs: DAY },
    }).engine;
  });
  afterEach(async () => {
    await engine.stop();
    await handle.close();
    vi.useRealTimers();
  });

  it("drops payloads when rows settle and prunes them hourly after the retention, never re-sending", async () => {
    await addCards(store, [1, 2, 3], later(-60));
    const subs = await subscribeChats(store, 2, later(-30));
    engine.start();
    await fireSlot(engine, subs);
    await advanceUntilIdle(engine);
    const sentCalls = channel.calls.length;
    expect(sentCalls).toBeGreaterThan(0);
    const rows = await store.ledger.list();
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    expect(rows.every((r) => Object.keys(r.payload).length === 0)).toBe(true);

    // Hour steps that wait for a Postgres store's queries (fake time stands still during I/O).
    await advanceBy(DAY, HOUR);
    expect((await store.ledger.counts()).total).toBe(rows.length);
    await advanceBy(DAY + 2 * HOUR, HOUR);
    expect((await store.ledger.counts()).total).toBe(0);

    // The same slot again (a catch-up, a clock step): receipts keep the cards from going out twice.
    const again = await fireSlot(engine, subs);
    expect(again.every((r) => r.status === "empty")).toBe(true);
    await advanceUntilIdle(engine);
    expect(channel.calls).toHaveLength(sentCalls);
  });
});
