import {
  createDeliveryEngine,
  type DeliveryChannel,
  type EnqueueResult,
} from "../../src/delivery/index.js";
import { systemClock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/logger.js";
import type { DeliveryTarget, FactCard } from "../../src/model/index.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import { SLOT } from "./delivery-kit.js";

export interface StoryRun {
  store: Store;
  /** Cards arrive, then the next hourly digest is queued and delivered; resolves with its outcome. */
  digest(cards: readonly FactCard[]): Promise<EnqueueResult>;
  stop(): Promise<void>;
}

/** A chat subscribed to hourly story digests, delivered through `channel` by the real engine. */
export async function startStoryRun(
  channel: DeliveryChannel,
  target: DeliveryTarget,
): Promise<StoryRun> {
  const store = createMemoryStore();
  const sub = await store.subscriptions.create(
    { target, cron: "0 * * * *", createdBy: "tester" },
    new Date(Date.now() - 3_600_000),
  );
  const engine = createDeliveryEngine({
    store,
    channels: [channel],
    clock: systemClock,
    logger: silentLogger,
    options: { stories: true, pollMs: 50 },
  });
  engine.start();
  let hour = 0;
  return {
    store,
    async digest(cards) {
      for (const card of cards) await store.cards.upsert(card, new Date());
      const slot = new Date(SLOT.getTime() + hour++ * 3_600_000);
      const result = await engine.enqueue(sub, slot, { catchUp: false });
      await engine.whenIdle();
      return result;
    },
    stop: () => engine.stop(),
  };
}
