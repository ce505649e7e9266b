import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../src/adapters/telegram/index.js";
import { silentLogger } from "../../src/lib/logger.js";
import type { DeliveryTarget } from "../../src/model/index.js";
import { startStoryRun, type StoryRun } from "../delivery/story-kit.js";
import { startFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.js";
import {
  centralBank,
  copperStrike,
  japanVote,
  kenyaFloods,
  quakeAfp,
  quakeAp,
  quakeBbc,
  quakeReuters,
} from "../fixtures/story-cards.js";

const CHAT = 1001;
const target: DeliveryTarget = { platform: "telegram", chatId: String(CHAT), threadId: null };
let tg: FakeTelegram;
let run: StoryRun;

beforeEach(async () => {
  tg = await startFakeTelegram();
  tg.addChat({ id: CHAT, type: "private", firstName: "Alice" });
  const channel = createTelegramChannel({
    token: tg.token,
    apiRoot: tg.apiRoot,
    logger: silentLogger,
  });
  run = await startStoryRun(channel, target);
});
afterEach(async () => {
  await run.stop();
  await tg.close();
});

describe("story digests in Telegram", () => {
  it("does not resend a story when another source reports it", async () => {
    expect(await run.digest([quakeReuters, centralBank])).toMatchObject({ cards: 2 });
    const [digest] = tg.messagesTo(CHAT);
    expect(digest!.text).toContain("Your ");
    expect(digest!.text).toContain("2 stories");
    expect(digest!.text).toContain("Van province");
    expect(digest!.text).toContain("Norway");

    expect(await run.digest([quakeAp])).toEqual({ status: "empty" });
    expect(tg.messagesTo(CHAT)).toHaveLength(1);
    expect(tg.callsOf("editMessageText")).toHaveLength(0);
    // The joining report counts as received: it never turns up later on its own.
    expect(await run.store.received.has(target, quakeAp.id)).toBe(true);
    expect(await run.digest([])).toEqual({ status: "empty" });
    expect(tg.messagesTo(CHAT)).toHaveLength(1);
  });

  it("sends one updated message and edits the one sent when a key figure changes", async () => {
    await run.digest([quakeReuters, centralBank]);
    await run.digest([quakeBbc]);
    const messages = tg.messagesTo(CHAT);
    expect(messages).toHaveLength(2);
    const update = messages[1]!.text;
    expect(update).toContain("🔄 Updated: ");
    expect(update).toContain("1 story");
    expect(update).toMatch(/\b15\b/);
    expect(update).toContain("⚖️ Figures differ: 15 dead (BBC); 12 (Reuters)");
    expect(update).toContain("Reported by 2 sources: BBC, Reuters");
    expect(update).not.toContain("Norway");
    // The digest already sent now tells the new toll in place, its other story untouched.
    expect(tg.callsOf("editMessageText")).toHaveLength(1);
    const edited = messages[0]!;
    expect(edited.history).toHaveLength(1);
    expect(edited.history[0]).not.toContain("Updated");
    expect(edited.text).toContain("🔄 Updated: ");
    expect(edited.text).toMatch(/\b15\b/);
    expect(edited.text).toContain("Norway");
    expect(edited.text.split("\n")[0]).toBe(edited.history[0]!.split("\n")[0]);
    // A fourth outlet with the new toll: nothing sent, nothing edited again.
    expect(await run.digest([quakeAfp])).toEqual({ status: "empty" });
    expect(tg.messagesTo(CHAT)).toHaveLength(2);
    expect(tg.callsOf("editMessageText")).toHaveLength(1);
  });

  it("holds at most 2 stories from one source in a digest, the rest for the next one", async () => {
    const result = await run.digest([centralBank, copperStrike, japanVote, kenyaFloods]);
    expect(result).toMatchObject({ status: "enqueued", cards: 3 });
    const [first] = tg.messagesTo(CHAT);
    expect(first!.text).toContain("3 stories");
    expect(first!.text).toContain("Nairobi");
    expect(first!.text.match(/Reuters ·/g)).toHaveLength(2);
    await run.digest([]);
    const second = tg.messagesTo(CHAT)[1]!.text;
    expect(second).toContain("1 story");
    expect(second).toContain("Reuters ·");
  });

  it("treats an edit repeated after a crash as done", async () => {
    const channel = createTelegramChannel({
      token: tg.token,
      apiRoot: tg.apiRoot,
      logger: silentLogger,
    });
    const sent = await channel.send(target, { html: "<b>12 dead</b>" }, { nonce: "n1" });
    const messageId = sent!.messageId!;
    await channel.edit!(target, messageId, { html: "<b>15 dead</b>" });
    await expect(channel.edit!(target, messageId, { html: "<b>15 dead</b>" })).resolves.toBe(
      undefined,
    );
    expect(tg.messagesTo(CHAT)[0]!.text).toBe("15 dead");
  });

  it("shows disagreeing figures, each with its source, and links every report", async () => {
    await run.digest([quakeReuters, quakeAfp]);
    const [message] = tg.messagesTo(CHAT);
    expect(message!.text).toContain("1 story");
    // The shown card's figure first, then each other source's.
    expect(message!.text).toContain("⚖️ Figures differ: 15 dead (AFP); 12 (Reuters)");
    expect(message!.text).toContain("Reported by 2 sources: AFP, Reuters");
    const links = message!.entities.filter((e) => e.type === "text_link").map((e) => e.url);
    expect(links).toEqual(expect.arrayContaining([quakeReuters.url, quakeAfp.url]));
  });
});
