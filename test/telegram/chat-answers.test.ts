import { afterEach, describe, expect, it } from "vitest";
import { createBotBackend } from "../../src/delivery/bot-backend.js";
import type { FactCard } from "../../src/digest/index.js";
import { fixedClock } from "../../src/lib/clock.js";
import { createMemoryStore } from "../../src/store/index.js";
import { makeCard } from "../fixtures/cards.js";
import { alice, startHarness, type Harness } from "./harness.js";

let h: Harness;
afterEach(() => h.close());

const titles = (text: string) =>
  [...text.matchAll(/Headline number (\d+)/g)].map((m) => Number(m[1]));

const long = (i: number): FactCard =>
  makeCard(i, {
    title: `Headline number ${i} `.padEnd(100, "T"),
    summary: "S".repeat(280),
    facts: Array.from({ length: 5 }, (_, k) => ({
      text: `F${k} `.padEnd(112, "f"),
      sentence: "x",
    })),
  });

async function press(h: Harness, messageId: number, data: string) {
  const id = h.tg.clickButton({ chat: alice.id, from: alice, messageId, data });
  return h.tg.waitFor(() => h.tg.callbackAnswer(id));
}

describe("answers a new user can trust", () => {
  it("after /latest 10, ▶ continues at card 11 and ◀ returns to the cards just before", async () => {
    h = await startHarness({ cards: Array.from({ length: 14 }, (_, i) => long(i + 1)) });
    h.tg.sendText({ chat: alice.id, from: alice, text: "/latest 10" });
    const messages = await h.tg.waitFor(() => {
      const got = h.tg.messagesTo(alice.id);
      return got.some((m) => m.replyMarkup) ? got : undefined;
    });
    const last = messages.at(-1)!;
    expect(last.replyMarkup!.inline_keyboard[0]!.map((b) => b.text)).toEqual(["Older ▶"]);
    const older = last.replyMarkup!.inline_keyboard[0]![0]!;
    expect(
      await press(h, last.messageId, (older as { callback_data: string }).callback_data),
    ).toMatchObject({ text: expect.stringMatching(/^Cards 11–/) });
    expect(titles(last.text)[0]).toBe(11);
    const newer = last.replyMarkup!.inline_keyboard[0]![0] as {
      text: string;
      callback_data: string;
    };
    expect(newer.text).toBe("◀ Newer");
    await press(h, last.messageId, newer.callback_data);
    expect(titles(last.text).at(-1)).toBe(10);
  });

  it("says how many cards matched a search and pages through them", async () => {
    const cards = Array.from({ length: 8 }, (_, i) =>
      makeCard(i + 1, {
        title:
          i % 2 === 0
            ? `Headline number ${i + 1} on the war`
            : `Headline number ${i + 1} on software`,
      }),
    );
    h = await startHarness({ cards });
    const [reply] = await h.ask(alice.id, alice, "/search war");
    expect(reply!.text).toMatch(/^4 cards match “war”: 1–4/);
    expect(titles(reply!.text)).toEqual([1, 3, 5, 7]);
    const [few] = await h.ask(alice.id, alice, "/search headline");
    expect(few!.text).toMatch(/^8 cards match “headline”: 1–5/);
    const msg = h.tg.messagesTo(alice.id).at(-1)!;
    expect(msg.replyMarkup).toEqual({
      inline_keyboard: [[{ text: "Older ▶", callback_data: "search:5:5:headline" }]],
    });
    await press(h, msg.messageId, "search:5:5:headline");
    expect(titles(msg.text)).toEqual([6, 7, 8]);
  });

  it("lists the cards an ambiguous id prefix could mean", async () => {
    h = await startHarness();
    const [reply] = await h.ask(alice.id, alice, "/card abc0");
    expect(reply!.text).toMatch(/^abc0 fits several cards; use more of the ID:\n• abc000000001 /);
    const [source] = await h.ask(alice.id, alice, "/source abc00000000");
    expect(source!.text).toContain("fits several cards");
  });

  it("repeats at most 100 characters of a huge query instead of failing", async () => {
    h = await startHarness();
    const [reply] = await h.ask(alice.id, alice, `/search ${"zebra ".repeat(680)}`);
    expect(reply!.text).toBe(`No cards contain all of: ${"zebra ".repeat(17).slice(0, 99)}….`);
  });
});

describe("subscribing answers what was actually wrong", () => {
  const realBackend = () => {
    const store = createMemoryStore();
    return {
      store,
      backend: createBotBackend({ store, clock: fixedClock("2024-03-01T08:00:00Z") }),
    };
  };

  it.each([
    ["/subscribe 0 8 * * * +🚀", /^"\+🚀" is not a keyword: \+WORD and -WORD take/],
    ["/subscribe */30 * * * * *", /has 6 fields, but seconds are not supported/],
    ["/subscribe 0 8 * * * EST", /"EST" is an abbreviation.*use "America\/New_York"/],
    [
      "/subscribe 0 8 * * * Kyiv",
      /"Kyiv" is a city, not a time zone name; use "Europe\/(Kyiv|Kiev)"/,
    ],
    [
      `/subscribe 0 8 * * * ${"Z".repeat(4000)}`,
      /^Can't subscribe: "Z{59}…" is not a known time zone/,
    ],
  ])("%s gets the reason, in a reply that fits", async (command, reason) => {
    h = await startHarness({ backend: realBackend().backend });
    const [reply] = await h.ask(alice.id, alice, command);
    expect(reply!.text).toMatch(reason);
    expect(reply!.text.length).toBeLessThan(1000);
  });

  it("keeps a quoted phrase as one keyword and drops the + of a keyword", async () => {
    const { store, backend } = realBackend();
    h = await startHarness({ backend });
    const [reply] = await h.ask(alice.id, alice, '/subscribe 0 8 * * * UTC +"central bank" +tax');
    expect(reply!.text).toMatch(/^Subscribed: /);
    const [sub] = await store.subscriptions.listByChat({
      platform: "telegram",
      chatId: String(alice.id),
    });
    expect(sub).toMatchObject({ include: ["central bank", "tax"] });
  });

  it("answers plain text in a private chat with a pointer to /help", async () => {
    h = await startHarness();
    const [reply] = await h.ask(alice.id, alice, "hello?");
    expect(reply!.text).toBe(
      "I answer commands: try /latest for the newest cards, or /help for all.",
    );
  });
});
