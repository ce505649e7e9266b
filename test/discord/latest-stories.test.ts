import { afterEach, describe, expect, it } from "vitest";
import { createBotBackend } from "../../src/delivery/index.js";
import { systemClock } from "../../src/lib/clock.js";
import { createMemoryStore } from "../../src/store/index.js";
import { FAKE_IDS, type Json } from "../fakes/discord/fake-discord.js";
import { centralBank, quakeAfp, quakeReuters } from "../fixtures/story-cards.js";
import { startBot, type Harness } from "./start-bot.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const titles = (body: unknown) => ((body as Json).embeds as Json[]).map((e) => e.title);

async function storyBackend(include: string[] = [], chatId = "") {
  const store = createMemoryStore();
  for (const [i, card] of [quakeReuters, centralBank, quakeAfp].entries()) {
    await store.cards.upsert(card, new Date(Date.now() + i));
  }
  if (include.length > 0) {
    const target = { platform: "discord" as const, chatId, threadId: null };
    await store.subscriptions.create(
      { target, cron: "0 8 * * *", createdBy: "u", include },
      new Date(),
    );
  }
  return createBotBackend({ store, clock: systemClock, stories: true });
}

describe("/latest as stories on Discord", () => {
  it("lists stories told by more sources first, with their sources and disputed figures, and pages on", async () => {
    h = await startBot({ bot: { backend: await storyBackend() } });
    const call = h.fake.runCommand({ name: "latest", options: { count: 1 } });
    const edit = await call.waitFor("edit");
    expect((edit.body as Json).content).toBe("Latest stories 1–1 of 2");
    expect(titles(edit.body)).toEqual([quakeAfp.title]);
    const text = JSON.stringify(edit.body);
    expect(text).toContain("Figures differ: 15 dead (AFP); 12 (Reuters)");
    expect(text).toContain("Reported by 2 sources:");
    const next = h.fake.clickButton({
      messageId: call.original()!.id,
      customId: "latest:1:1",
      userId: h.fake.ids.reader,
    });
    const page = await next.waitFor("edit");
    expect(titles(page.body)).toEqual([centralBank.title]);
  });

  it("applies the channel's keyword filters", async () => {
    h = await startBot({ bot: { backend: await storyBackend(["inflation"], FAKE_IDS.text) } });
    const edit = await h.fake.runCommand({ name: "latest", options: { count: 5 } }).waitFor("edit");
    expect((edit.body as Json).content).toBe("Latest stories 1–1 of 1");
    expect(titles(edit.body)).toEqual([centralBank.title]);
  });
});
