import { afterEach, describe, expect, it } from "vitest";
import { createBotBackend } from "../../src/delivery/index.js";
import { systemClock } from "../../src/lib/clock.js";
import type { FactCard } from "../../src/model/index.js";
import { createMemoryStore } from "../../src/store/index.js";
import { centralBank, quakeAfp, quakeReuters } from "../fixtures/story-cards.js";
import { alice, startHarness, type Harness } from "./harness.js";

let h: Harness;
afterEach(() => h.close());

async function storyBackend(cards: FactCard[], include: string[] = []) {
  const store = createMemoryStore();
  for (const [i, card] of cards.entries()) await store.cards.upsert(card, new Date(Date.now() + i));
  if (include.length > 0) {
    const target = { platform: "telegram" as const, chatId: String(alice.id), threadId: null };
    await store.subscriptions.create(
      { target, cron: "0 8 * * *", createdBy: "alice", include },
      new Date(),
    );
  }
  return createBotBackend({ store, clock: systemClock, stories: true });
}

describe("/latest as stories", () => {
  it("lists stories told by more sources first, with their sources and disputed figures, and pages on", async () => {
    const backend = await storyBackend([quakeReuters, centralBank, quakeAfp]);
    h = await startHarness({ backend });
    const [reply] = await h.ask(alice.id, alice, "/latest 1");
    expect(reply!.text).toContain("Latest stories 1–1 of 2");
    expect(reply!.text).toContain("Earthquake");
    expect(reply!.text).toContain("⚖️ Figures differ: 15 dead (AFP); 12 (Reuters)");
    expect(reply!.text).toContain("Reported by 2 sources: AFP, Reuters");
    expect(reply!.text).not.toContain("Norway");
    expect(reply!.replyMarkup).toEqual({
      inline_keyboard: [[{ text: "Older ▶", callback_data: "latest:1:1" }]],
    });
    const id = h.tg.clickButton({
      chat: alice.id,
      from: alice,
      messageId: reply!.messageId,
      data: "latest:1:1",
    });
    await h.tg.waitFor(() => h.tg.callbackAnswer(id));
    const page = h.tg.messagesTo(alice.id).find((m) => m.messageId === reply!.messageId)!;
    expect(page.text).toContain("Latest stories 2–2 of 2");
    expect(page.text).toContain("Norway");
  });

  it("applies the chat's keyword filters", async () => {
    const backend = await storyBackend([quakeReuters, centralBank, quakeAfp], ["inflation"]);
    h = await startHarness({ backend });
    const [reply] = await h.ask(alice.id, alice, "/latest 5");
    expect(reply!.text).toContain("Latest stories 1–1 of 1");
    expect(reply!.text).toContain("Norway");
    expect(reply!.text).not.toContain("Earthquake");
  });
});
