import { afterEach, expect, it } from "vitest";
import type { Json } from "../fakes/discord/fake-discord.js";
import { makeCard } from "../fixtures/cards.js";
import { startBot, type Harness } from "./start-bot.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

it("posts a scheduled digest as a newsletter: content line, embeds with url, author and timestamp", async () => {
  h = await startBot({ start: false });
  const cards = [
    makeCard(1, { url: "https://news.example/a", publisher: "Example News" }),
    makeCard(2),
  ];
  const slot = new Date("2024-03-01T13:00:00Z");
  const parts = h.bot.channel.render(cards, {
    subscription: { id: "nwrau3", cron: "0 8 * * *", timezone: "America/New_York" },
    slot,
  });
  for (const [i, part] of parts.entries()) {
    await h.bot.channel.send(
      { platform: "discord", chatId: h.fake.ids.text, threadId: null },
      part,
      { nonce: `n${i}` },
    );
  }
  const [message] = h.fake.messages(h.fake.ids.text);
  expect(message!.content).toBe(
    "**Your 08:00 digest** · Friday, 1 March 2024 · 2 stories\n-# Change it with /subscriptions · stop it with /unsubscribe id:nwrau3",
  );
  const [first, second] = message!.embeds as Json[];
  expect(first).toMatchObject({
    url: "https://news.example/a",
    author: { name: "Example News" },
    timestamp: slot.toISOString(),
  });
  expect(second?.url).toBeUndefined();
  expect(second?.footer).toEqual({ text: "article-2.txt · abc000000002" });
});
