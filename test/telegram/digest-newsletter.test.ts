import { afterEach, beforeEach, expect, it } from "vitest";
import { createTelegramChannel, type TelegramChannel } from "../../src/adapters/telegram/index.js";
import { silentLogger } from "../../src/lib/logger.js";
import type { DeliveryTarget } from "../../src/model/subscription.js";
import { startFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.js";
import { makeCard } from "../fixtures/cards.js";

const CHAT = 1001;
const target: DeliveryTarget = { platform: "telegram", chatId: String(CHAT), threadId: null };
let tg: FakeTelegram;
let channel: TelegramChannel;

beforeEach(async () => {
  tg = await startFakeTelegram();
  tg.addChat({ id: CHAT, type: "private", firstName: "Alice" });
  channel = createTelegramChannel({ token: tg.token, apiRoot: tg.apiRoot, logger: silentLogger });
});
afterEach(() => tg.close());

it("sends a scheduled digest as a newsletter: header, publisher and link per card, footer", async () => {
  const cards = [
    makeCard(1, { url: "https://news.example/a?x=1&y=2", publisher: "Example News" }),
    makeCard(2),
  ];
  const parts = channel.render(cards, {
    subscription: { id: "nwrau3", cron: "0 8 * * *", timezone: "Asia/Almaty" },
    slot: new Date("2024-03-01T03:00:00Z"),
  });
  for (const [i, part] of parts.entries()) await channel.send(target, part, { nonce: `n${i}` });
  const [message] = tg.messagesTo(CHAT);
  expect(parts).toHaveLength(1);
  expect(message!.text.split("\n")[0]).toBe("Your 08:00 digest · Friday, 1 March 2024 · 2 stories");
  expect(message!.text).toContain("Example News · Read the article · ID abc000000001");
  expect(message!.text).toContain("Source: article-2.txt · ID abc000000002");
  expect(message!.entities).toContainEqual(
    expect.objectContaining({ type: "text_link", url: "https://news.example/a?x=1&y=2" }),
  );
  expect(message!.text.split("\n").at(-1)).toBe(
    "Change it: /subscriptions · stop it: /unsubscribe nwrau3",
  );
});

it("keeps command replies free of the digest header", () => {
  const [part] = channel.render([makeCard(1)], {});
  expect((part as { html: string }).html).not.toContain("digest");
});

it("writes the digest's header and footer in the chat's language, the cards as written", async () => {
  const parts = channel.render([makeCard(1), makeCard(2)], {
    subscription: { id: "nwrau3", cron: "0 8 * * *", timezone: "Asia/Almaty" },
    slot: new Date("2024-03-01T03:00:00Z"),
    language: "de",
  });
  for (const [i, part] of parts.entries()) await channel.send(target, part, { nonce: `d${i}` });
  const [message] = tg.messagesTo(CHAT);
  expect(message!.text.split("\n")[0]).toBe(
    "Dein Digest um 08:00 · Freitag, 1. März 2024 · 2 Meldungen",
  );
  expect(message!.text).toContain(makeCard(1).title);
  expect(message!.text.split("\n").at(-1)).toBe(
    "Ändern: /subscriptions · beenden: /unsubscribe nwrau3",
  );
});
