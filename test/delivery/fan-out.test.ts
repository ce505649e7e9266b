import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeliveryEngine } from "../../src/delivery/index.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import {
  createCapturingChannel,
  type CapturingChannelOptions,
} from "../fakes/capturing-channel.js";
import {
  addCards,
  advanceUntilIdle,
  createTestEngine,
  fireSlot,
  SLOT,
  subscribeChats,
} from "./delivery-kit.js";

const later = (minutes: number) => new Date(SLOT.getTime() + minutes * 60_000);

describe("fan-out", () => {
  let store: Store;
  let engine: DeliveryEngine | undefined;

  beforeEach(async () => {
    vi.useFakeTimers();
    vi.setSystemTime(SLOT);
    store = createMemoryStore();
    await addCards(store, [1, 2], later(-60));
  });
  afterEach(async () => {
    await engine?.stop();
    vi.useRealTimers();
  });

  async function setup(chats: number, options: CapturingChannelOptions) {
    const channel = createCapturingChannel(options);
    engine = createTestEngine(store, channel).engine;
    return { channel, engine, subs: await subscribeChats(store, chats, later(-30)) };
  }

  it("keeps within the channel's global rate and concurrency", async () => {
    const { channel, engine, subs } = await setup(600, {
      latencyMs: 20,
      limits: { globalPerSecond: 100, concurrency: 8 },
    });
    await fireSlot(engine, subs);
    engine.start();
    const elapsed = await advanceUntilIdle(engine, undefined, 10);
    expect(channel.delivered).toHaveLength(600);
    expect(channel.maxInWindow(1_000)).toBeLessThanOrEqual(100);
    expect(channel.maxConcurrent).toBeLessThanOrEqual(8);
    // 600 at 100/s: the first window goes at once, then 100 per second.
    expect(elapsed).toBeGreaterThanOrEqual(5_000);
    expect(elapsed).toBeLessThan(5_400);
  });

  it("never lets one slow chat hold up the rest", async () => {
    const { channel, engine, subs } = await setup(100, {
      limits: { concurrency: 4 },
      latencyMs: ({ target }) => (target.chatId === "chat-0" ? 120_000 : 10),
    });
    await fireSlot(engine, subs);
    engine.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(channel.delivered).toHaveLength(99);
    expect(channel.deliveredTo("chat-0")).toHaveLength(0);
    await advanceUntilIdle(engine, undefined, 1_000);
    expect(channel.deliveredTo("chat-0")).toHaveLength(1);
  });

  it("spaces sends into one chat while the other chats go ahead", async () => {
    const { channel, engine, subs } = await setup(10, {
      limits: { perChatPerSecond: 1, concurrency: 4 },
    });
    const shared = await subscribeChats(store, 3, later(-30)); // three more subscriptions in chat-0..2
    // A card reaches a chat once: enough cards that both subscriptions of chat-0 have some.
    await addCards(store, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], later(-60));
    const sameChat = [subs[0]!, shared[0]!];
    await fireSlot(engine, [...subs, ...shared]);
    engine.start();
    await advanceUntilIdle(engine, undefined, 50);
    const chat0 = channel.deliveredTo(sameChat[0]!.target.chatId).map((r) => r.at);
    expect(chat0).toHaveLength(2);
    expect(chat0[1]! - chat0[0]!).toBeGreaterThanOrEqual(1_000);
    const others = channel.delivered.filter(
      (r) => !["chat-0", "chat-1", "chat-2"].includes(r.target.chatId),
    );
    expect(Math.max(...others.map((r) => r.at)) - SLOT.getTime()).toBeLessThan(100);
  });
});
