import { describe, expect, it } from "vitest";
import type { DeliveryChannel } from "../../src/delivery/channel.js";
import { deliveryOptions } from "../../src/delivery/delivery-options.js";
import { emptyStats } from "../../src/delivery/delivery-stats.js";
import { ledgerRowId } from "../../src/delivery/ledger-row-id.js";
import { createSendSettler } from "../../src/delivery/settle-send.js";
import { storyEditPayload } from "../../src/delivery/story-edit.js";
import { systemClock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/logger.js";
import { createMemoryStore, type NewLedgerRow } from "../../src/store/index.js";

const target = { platform: "telegram" as const, chatId: "c1", threadId: null };
// Telegram: no nonce, so an ambiguous send is never repeated.
const telegramLike = { platform: "telegram", idempotent: false } as DeliveryChannel;

async function ambiguousOutcome(payload: Record<string, unknown>) {
  const store = createMemoryStore();
  const slot = "2024-03-01T08:00:00.000Z";
  const row: NewLedgerRow = {
    id: ledgerRowId("sub1", slot, 1),
    subscriptionId: "sub1",
    slot,
    partIndex: 1,
    partCount: 2,
    target,
    payload,
    cardIds: [],
  };
  const now = new Date();
  await store.ledger.insert([row], now);
  await store.ledger.claim(row.id, 1, now);
  const claimed = { ...(await store.ledger.get(row.id))!, claimedEpoch: 1 };
  const settler = createSendSettler({
    clock: systemClock,
    logger: silentLogger,
    options: deliveryOptions(),
    stats: emptyStats(),
    onChange: () => {},
  });
  await settler.settle(store, claimed, telegramLike, { kind: "ambiguous" }, new Error("timeout"));
  return (await store.ledger.get(row.id))!.status;
}

describe("story edits in the ledger", () => {
  it("retries an edit whose outcome is unknown (a crash, a timeout): an edit never doubles", async () => {
    expect(await ambiguousOutcome(storyEditPayload("42", { html: "<b>15 dead</b>" }))).toBe(
      "pending",
    );
  });

  it("still never resends an ordinary Telegram message whose outcome is unknown", async () => {
    expect(await ambiguousOutcome({ html: "<b>12 dead</b>" })).toBe("uncertain");
  });
});
