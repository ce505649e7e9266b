import type { Logger } from "../lib/index.js";
import type { FactCard } from "../model/index.js";
import type { Clock } from "../lib/index.js";
import type { NewLedgerRow, Store } from "../store/index.js";
import type { DeliveryChannel } from "./channel.js";
import { chatSourceIds } from "./chat-source-ids.js";
import { composeDigest } from "./compose-digest.js";
import { enqueueBatch } from "./enqueue-batch.js";
import type { EnqueueResult, SlotInfo } from "./enqueue-result.js";
import type { DeliveryOptions } from "./delivery-options.js";
import { composeStories } from "./compose-stories.js";
import { ledgerRowId } from "./ledger-row-id.js";
import { storyDigestRows, type DigestLook } from "./story-digest-rows.js";
import { mergeWaitingDigests } from "./merge-waiting.js";
import { quietUntil } from "./quiet-hours.js";
import type { OnSlot } from "./schedule/index.js";
import type { Sleep } from "./sleep.js";
import type { ChatSettings, Platform, Subscription } from "../model/index.js";

export type { EnqueueResult, SlotInfo } from "./enqueue-result.js";

/** Cards looked at per story shown. */
const STORY_POOL = 5;

export interface SlotHandlerDeps {
  store: Store;
  channels: ReadonlyMap<Platform, DeliveryChannel>;
  clock: Clock;
  logger: Logger;
  sleep: Sleep;
  options: Pick<
    DeliveryOptions,
    "enqueueBatchSize" | "emptyNotice" | "stories" | "storiesPerSource"
  >;
  /** Called after a commit that added rows (wakes the worker). */
  onEnqueued: () => void;
}

interface Request {
  subscription: Subscription;
  slot: Date;
  info: SlotInfo;
  resolve: (result: EnqueueResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Turns slots into ledger rows. Calls arriving together (one cron minute for thousands of
 * subscriptions) share one transaction, so they cost one fsync instead of one each, and are read
 * and written in batches (`enqueueBatch`), so they cost a few round trips instead of ten each.
 */
export function createSlotHandler(deps: SlotHandlerDeps) {
  const { store, clock, logger } = deps;
  const queue: Request[] = [];
  let flushing: Promise<void> | undefined;

  async function enqueueOne(
    tx: Store,
    { subscription, slot, info }: Request,
    now: Date,
  ): Promise<EnqueueResult> {
    const slotIso = slot.toISOString();
    if (await tx.ledger.hasSlot(subscription.id, slotIso)) return { status: "exists" };
    // Re-read: the chat may have moved or the subscription been turned off since scheduling.
    const sub = await tx.subscriptions.get(subscription.id);
    if (sub === undefined || !sub.active) return { status: "inactive" };
    const channel = deps.channels.get(sub.target.platform);
    if (channel === undefined) {
      logger.warn(
        { subscription: sub.id, platform: sub.target.platform },
        "no channel for platform",
      );
      return { status: "no_channel" };
    }
    const first = !(await tx.ledger.hasAny(sub.id));
    // Cards of waiting digests were reserved when they were queued, so compose skips them.
    const carried: FactCard[] = [];
    for (const id of await mergeWaitingDigests(tx, sub.id, now)) {
      const card = await tx.cards.get(id);
      if (card !== undefined) carried.push(card);
    }
    // A story digest looks at more cards than it shows: several reports make one story.
    const pool = deps.options.stories ? { ...sub, count: sub.count * STORY_POOL } : sub;
    const cards = [
      ...carried,
      ...(await composeDigest(tx.cards, pool, {
        first,
        sourceIds: await chatSourceIds(tx.sources, sub.target),
      })),
    ];
    const settings = await tx.settings.get(sub.target);
    const language = settings?.language ?? undefined;
    const look = { format: sub.format, ...(language ? { language } : {}) };
    if (deps.options.stories && cards.length > 0) {
      const result = await enqueueStories(tx, sub, slotIso, cards, now, channel, look);
      if (result.status === "enqueued") await holdForQuietHours(tx, sub, slotIso, settings, now);
      return result;
    }
    if (cards.length === 0 && !sub.notifyEmpty) return { status: "empty" };
    const parts =
      cards.length > 0
        ? channel.render(cards, {
            subscription: sub,
            slot: new Date(slotIso),
            format: sub.format,
            ...(language ? { language } : {}),
          })
        : channel.render([], { emptyNotice: deps.options.emptyNotice });
    const cardIds = cards.map((c) => c.id);
    const rows: NewLedgerRow[] = parts.map((payload, partIndex) => ({
      id: ledgerRowId(sub.id, slotIso, partIndex),
      subscriptionId: sub.id,
      slot: slotIso,
      partIndex,
      partCount: parts.length,
      target: sub.target,
      payload,
      cardIds,
    }));
    const inserted = await tx.ledger.insert(rows, now);
    // Quiet hours: the digest is queued now (its cards reserved) but goes out when the window
    // opens; a later slot still inside the window folds it in (mergeWaitingDigests), so one goes.
    if (inserted > 0) await holdForQuietHours(tx, sub, slotIso, settings, now);
    // Reserve the cards at once: a card is queued for a chat at most once, whatever happens next.
    if (inserted > 0) await tx.received.mark(sub.target, cardIds, sub.id, now);
    if (info.catchUp)
      logger.info({ subscription: sub.id, slot: slotIso }, "catch-up digest queued");
    return inserted > 0
      ? { status: "enqueued", rows: inserted, cards: cards.length }
      : { status: "empty" };
  }

  /** A digest queued in the chat's quiet hours waits, all its rows, until the window opens. */
  async function holdForQuietHours(
    tx: Store,
    sub: Subscription,
    slotIso: string,
    settings: ChatSettings | undefined,
    now: Date,
  ): Promise<void> {
    if (!settings?.quietHours) return;
    const opens = quietUntil(settings.quietHours, settings.timezone ?? sub.timezone, now);
    if (opens === undefined) return;
    for (const row of await tx.ledger.pendingFor(sub.id)) {
      if (row.slot === slotIso) await tx.ledger.defer(row.id, opens, now);
    }
    logger.info(
      { subscription: sub.id, slot: slotIso, until: opens.toISOString() },
      "quiet hours: digest waits",
    );
  }

  async function enqueueStories(
    tx: Store,
    sub: Subscription,
    slotIso: string,
    cards: FactCard[],
    now: Date,
    channel: DeliveryChannel,
    look: DigestLook,
  ): Promise<EnqueueResult> {
    const digest = await composeStories(tx, sub.target, cards, {
      clock,
      count: sub.count,
      perSourceCap: deps.options.storiesPerSource,
    });
    const { rows, receivedIds, log } = storyDigestRows(channel, sub, slotIso, digest, look);
    let empty = rows.length === 0;
    if (empty && sub.notifyEmpty) {
      const [notice] = channel.render([], { emptyNotice: deps.options.emptyNotice });
      if (notice) {
        const id = ledgerRowId(sub.id, slotIso, 0);
        const where = { subscriptionId: sub.id, slot: slotIso, target: sub.target };
        rows.push({ id, ...where, partIndex: 0, partCount: 1, payload: notice, cardIds: [] });
        empty = false;
      }
    }
    const inserted = rows.length > 0 ? await tx.ledger.insert(rows, now) : 0;
    // Quiet joins count even when nothing is sent: the chat has those reports now.
    if (inserted > 0 || empty) {
      await tx.received.mark(sub.target, receivedIds, sub.id, now);
      await tx.storyLog.record(sub.target, log, now);
    }
    return inserted > 0
      ? { status: "enqueued", rows: inserted, cards: digest.shown.length }
      : { status: "empty" };
  }

  async function flushBatch(batch: Request[]): Promise<void> {
    const results: EnqueueResult[] = [];
    try {
      await store.transaction(async (tx) => {
        const now = clock.now();
        let batched: Array<EnqueueResult | undefined>;
        try {
          // Story digests read each chat's story log: they take the one-by-one path.
          batched = deps.options.stories
            ? batch.map(() => undefined)
            : await tx.transaction((inner) =>
                enqueueBatch(inner, batch, now, { ...deps, emptyNotice: deps.options.emptyNotice }),
              );
        } catch (error) {
          logger.warn({ err: error, slots: batch.length }, "batched queuing failed: one by one");
          batched = batch.map(() => undefined);
        }
        for (const [i, request] of batch.entries()) {
          const done = batched[i];
          if (done !== undefined) {
            results.push(done);
            continue;
          }
          try {
            // Nested: a savepoint, so one failing digest does not undo the others.
            results.push(await tx.transaction((inner) => enqueueOne(inner, request, now)));
          } catch (error) {
            logger.error(
              { err: error, subscription: request.subscription.id },
              "could not queue digest",
            );
            results.push({ status: "error" });
          }
        }
      });
    } catch (error) {
      for (const request of batch) request.reject(error);
      return;
    }
    batch.forEach((request, i) => request.resolve(results[i] ?? { status: "error" }));
    if (results.some((r) => r.status === "enqueued")) deps.onEnqueued();
  }

  async function flush(): Promise<void> {
    // Let every call made in the same tick join the first batch.
    await Promise.resolve();
    while (queue.length > 0) {
      const batch = queue.splice(0, deps.options.enqueueBatchSize);
      await flushBatch(batch);
      // Yield between full batches so sends keep flowing while a big minute is being queued.
      if (queue.length > 0 && batch.length === deps.options.enqueueBatchSize) await deps.sleep(0);
    }
    flushing = undefined;
  }

  function enqueue(subscription: Subscription, slot: Date, info: SlotInfo = { catchUp: false }) {
    return new Promise<EnqueueResult>((resolve, reject) => {
      queue.push({ subscription, slot, info, resolve, reject });
      flushing ??= flush();
    });
  }

  return {
    enqueue,
    onSlot: (async (subscription, slot, info) => {
      await enqueue(subscription, slot, info);
    }) satisfies OnSlot,
    /** Resolves when every call made so far is committed (or failed). */
    drain: async () => {
      while (flushing !== undefined) await flushing;
    },
  };
}
