import { expect, it } from "vitest";
import { createMetrics, instrumentChannel } from "../../src/adapters/http/index.js";
import type { DeliveryChannel } from "../../src/delivery/index.js";

it("keeps a counted channel's message ids and edits, so stories can still be edited in place", async () => {
  const edits: string[] = [];
  const channel: DeliveryChannel = {
    platform: "telegram",
    limits: { concurrency: 1 },
    idempotent: false,
    render: () => [],
    send: async () => ({ messageId: "77" }),
    edit: async (_target, messageId) => void edits.push(messageId),
  };
  const counted = instrumentChannel(channel, createMetrics({ processMetrics: false }));
  const target = { platform: "telegram" as const, chatId: "1", threadId: null };
  expect(await counted.send(target, {}, { nonce: "a" })).toEqual({ messageId: "77" });
  await counted.edit!(target, "77", {});
  expect(edits).toEqual(["77"]);
});
