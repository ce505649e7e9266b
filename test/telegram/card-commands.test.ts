import { afterEach, describe, expect, it } from "vitest";
import { BOT_COMMANDS } from "../../src/adapters/telegram/index.js";
import type { FactCard } from "../../src/digest/index.js";
import { faults, parseTelegramHtml } from "../fakes/telegram/index.js";
import { makeCard, sampleCards } from "../fixtures/cards.js";
import { alice, bob, startHarness, type Harness } from "./harness.js";

let h: Harness;
afterEach(() => h.close());

const titles = (text: string) =>
  [...text.matchAll(/Headline number (\d+)/g)].map((m) => Number(m[1]));

describe("reading commands", () => {
  it("greets on /start and explains every command with examples on /help", async () => {
    h = await startHarness();
    const [start] = await h.ask(alice.id, alice, "/start");
    expect(start!.text).toContain("/latest");
    const [help] = await h.ask(alice.id, alice, "/help");
    for (const { command } of BOT_COMMANDS) expect(help!.text).toContain(`/${command}`);
    expect(help!.text).toContain("Example: /subscribe weekdays 08:00 Asia/Almaty 5");
    expect(help!.parseMode).toBe("HTML");
  });

  it("shows the 3 newest cards in one message with an Older button and no link preview", async () => {
    h = await startHarness();
    const [reply] = await h.ask(alice.id, alice, "/latest");
    expect(titles(reply!.text)).toEqual([1, 2, 3]);
    expect(reply!.linkPreviewOptions).toEqual({ is_disabled: true });
    expect(reply!.replyMarkup).toEqual({
      inline_keyboard: [[{ text: "Older ▶", callback_data: "latest:3:3" }]],
    });
  });

  it("pages through older cards with ◀ ▶ by editing the message, answering every press", async () => {
    h = await startHarness();
    const [msg] = await h.ask(alice.id, alice, "/latest 3");
    const press = async (data: string) => {
      const id = h.tg.clickButton({ chat: alice.id, from: alice, messageId: msg!.messageId, data });
      return h.tg.waitFor(() => h.tg.callbackAnswer(id));
    };
    expect(await press("latest:3:3")).toEqual({ text: "Cards 4–6 of 12", showAlert: undefined });
    expect(titles(msg!.text)).toEqual([4, 5, 6]);
    expect(msg!.replyMarkup!.inline_keyboard[0]!.map((b) => b.text)).toEqual([
      "◀ Newer",
      "Older ▶",
    ]);
    await press("latest:6:3");
    await press("latest:9:3");
    expect(titles(msg!.text)).toEqual([10, 11, 12]);
    expect(msg!.replyMarkup).toEqual({
      inline_keyboard: [[{ text: "◀ Newer", callback_data: "latest:6:3" }]],
    });
    await press("latest:6:3");
    expect(titles(msg!.text)).toEqual([7, 8, 9]);
    expect(h.tg.messagesTo(alice.id)).toHaveLength(1);
  });

  it("answers a press on a page that no longer exists instead of leaving the button spinning", async () => {
    h = await startHarness();
    const [msg] = await h.ask(alice.id, alice, "/latest 3");
    h.backend.latest = async () => ({ cards: [], total: 0 });
    const id = h.tg.clickButton({
      chat: alice.id,
      from: alice,
      messageId: msg!.messageId,
      data: "latest:3:3",
    });
    expect(await h.tg.waitFor(() => h.tg.callbackAnswer(id))).toMatchObject({
      text: "No more cards.",
    });
  });

  it("understands commands addressed to the bot by name", async () => {
    h = await startHarness();
    const [reply] = await h.ask(alice.id, alice, "/latest@digest_test_bot 2");
    expect(titles(reply!.text)).toEqual([1, 2]);
  });

  it.each(["/latest 11", "/latest 0", "/latest two", "/latest 1 2"])(
    "explains %s in one line with an example",
    async (command) => {
      h = await startHarness();
      const [reply] = await h.ask(alice.id, alice, command);
      expect(reply!.text).toBe("Usage: /latest [N] with N from 1 to 10, e.g. /latest 5");
    },
  );

  it("shows one card by id or prefix, and explains a missing or unknown id", async () => {
    h = await startHarness();
    const [card] = await h.ask(alice.id, alice, "/card abc000000005");
    expect(titles(card!.text)).toEqual([5]);
    expect(card!.text).toContain("Source: article-5.txt · ID abc000000005");
    const [usage] = await h.ask(alice.id, alice, "/card");
    expect(usage!.text).toBe(
      "Usage: /card ID with an ID shown under a card (see /latest), e.g. /card 030049e19457",
    );
    const [missing] = await h.ask(alice.id, alice, "/card <nope>");
    expect(missing!.text).toMatch(/^No card with ID <nope>\./);
  });

  it("lists each fact with its source sentence on /source", async () => {
    h = await startHarness();
    const [reply] = await h.ask(alice.id, alice, "/source abc000000004");
    const card = sampleCards[3]!;
    for (const fact of card.facts) {
      expect(reply!.text).toContain(fact.text);
      expect(reply!.text).toContain(fact.sentence);
    }
    expect(reply!.entities.filter((e) => e.type === "blockquote")).toHaveLength(card.facts.length);
  });

  it("searches by words and says so when nothing matches", async () => {
    h = await startHarness();
    const [found] = await h.ask(alice.id, alice, "/search sentence 7:");
    expect(titles(found!.text)).toEqual([7]);
    const [none] = await h.ask(alice.id, alice, "/search zebra <b>");
    expect(none!.text).toBe("No cards contain all of: zebra <b>.");
    const [usage] = await h.ask(alice.id, alice, "/search");
    expect(usage!.text).toBe("Usage: /search WORDS, e.g. /search military service");
  });

  it("splits many long cards into messages of at most 4096 characters without splitting a card", async () => {
    const long = (i: number): FactCard =>
      makeCard(i, {
        title: `Headline number ${i} `.padEnd(100, "T"),
        summary: "S".repeat(280),
        facts: Array.from({ length: 5 }, (_, k) => ({
          text: `F${k} `.padEnd(112, "f"),
          sentence: "x",
        })),
        source: `${"long-source-name-".repeat(10)}${i}.txt`,
      });
    h = await startHarness({ cards: Array.from({ length: 12 }, (_, i) => long(i + 1)) });
    h.tg.sendText({ chat: alice.id, from: alice, text: "/latest 10" });
    const messages = await h.tg.waitFor(() => {
      const got = h.tg.messagesTo(alice.id);
      return got.some((m) => m.replyMarkup) ? got : undefined;
    });
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages.flatMap((m) => titles(m.text))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const m of messages) {
      expect([...m.text].length).toBeLessThanOrEqual(4096);
      // Every card in a message is whole: its headline, all five facts and its id.
      const cards = titles(m.text).length;
      expect(m.text.match(/^• F\d /gm)).toHaveLength(cards * 5);
      expect(m.text.match(/ID abc0000000/g)).toHaveLength(cards);
    }
    expect(messages.filter((m) => m.replyMarkup)).toHaveLength(1);
    expect(messages.at(-1)!.replyMarkup).toBeDefined();
  });

  it("shows an article's <, & and <script> literally", async () => {
    const evil = makeCard(1, {
      title: "AT&T <script>alert(1)</script>",
      summary: 'Profits rose 5% & costs < 3 "units"',
    });
    h = await startHarness({ cards: [evil] });
    const [reply] = await h.ask(alice.id, alice, "/card abc000000001");
    expect(reply!.text).toContain("AT&T <script>alert(1)</script>");
    expect(reply!.text).toContain('Profits rose 5% & costs < 3 "units"');
    expect(reply!.entities.filter((e) => e.type === "bold")).toEqual([
      { type: "bold", offset: 0, length: 30 },
    ]);
    expect(parseTelegramHtml(reply!.raw).text).toBe(reply!.text);
  });

  it("answers in the forum topic the command came from", async () => {
    h = await startHarness();
    h.tg.addChat({ id: -100500, type: "supergroup", title: "Forum", isForum: true });
    const [reply] = await h.ask(-100500, bob, "/latest 1", 1, { messageThreadId: 42 });
    expect(reply!.threadId).toBe(42);
    expect(titles(reply!.text)).toEqual([1]);
  });

  it("answers unknown commands in private but ignores bare ones in groups", async () => {
    h = await startHarness();
    const [reply] = await h.ask(alice.id, alice, "/frobnicate");
    expect(reply!.text).toBe("I don't know /frobnicate. See /help for what I can do.");
    h.tg.addChat({ id: -300, type: "group", title: "G" });
    const replies = await h.ask(-300, bob, "/frobnicate", 0).then(() => h.ask(-300, bob, "/start"));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain("Hi!");
    const [addressed] = await h.ask(-300, bob, "/frobnicate@digest_test_bot");
    expect(addressed!.text).toContain("I don't know /frobnicate");
  });
});

describe("robustness", () => {
  it("tells a user once to slow down and ignores their excess commands", async () => {
    h = await startHarness({ rateLimit: { limit: 2, timeFrameMs: 10_000 } });
    for (let i = 0; i < 4; i++) h.tg.sendText({ chat: alice.id, from: alice, text: "/start" });
    await h.tg.waitForMessages(alice.id, 3);
    await h.ask(bob.id, bob, "/start");
    const texts = h.tg.messagesTo(alice.id).map((m) => m.text);
    expect(texts.filter((t) => t.startsWith("Hi!"))).toHaveLength(2);
    expect(texts.filter((t) => t.startsWith("Slow down"))).toHaveLength(1);
    expect(texts).toHaveLength(3);
  });

  it("logs a failing update, tells the user, and keeps serving", async () => {
    h = await startHarness();
    h.tg.fault({ method: "sendMessage", fault: faults.drop() });
    const [sorry] = await h.ask(alice.id, alice, "/latest");
    expect(sorry!.text).toBe(
      "Sorry, something went wrong with that command. Please try again in a minute.",
    );
    const [ok] = await h.ask(alice.id, alice, "/latest 1");
    expect(titles(ok!.text)).toEqual([1]);
    expect(h.logs.some((l) => l.includes("update failed") && l.includes("sendMessage"))).toBe(true);
    expect(h.logs.join("\n")).not.toContain(h.tg.token);
  });
});
