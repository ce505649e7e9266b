import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DeliveryTarget } from "../../src/model/index.js";
import { startStoryRun, type StoryRun } from "../delivery/story-kit.js";
import type { StoredMessage } from "../fakes/discord/fake-discord.js";
import { centralBank, quakeAfp, quakeAp, quakeBbc, quakeReuters } from "../fixtures/story-cards.js";
import { startBot, type Harness } from "./start-bot.js";

let h: Harness;
let run: StoryRun;
let channelId: string;

beforeEach(async () => {
  h = await startBot({ start: false });
  channelId = h.fake.ids.text;
  const target: DeliveryTarget = { platform: "discord", chatId: channelId, threadId: null };
  run = await startStoryRun(h.bot.channel, target);
});
afterEach(async () => {
  await run.stop();
  await h.close();
});

const embedText = (message: StoredMessage) => JSON.stringify(message.embeds);
const titles = (message: StoredMessage) =>
  (message.embeds as Array<{ title?: string }>).map((e) => e.title);
const edits = () => h.fake.requests.filter((r) => r.method === "PATCH");

describe("story digests in Discord", () => {
  it("does not resend a story when another source reports it", async () => {
    await run.digest([quakeReuters, centralBank]);
    const [digest] = h.fake.messages(channelId);
    expect(digest!.content).toContain("2 stories");
    expect(digest!.embeds).toHaveLength(2);

    expect(await run.digest([quakeAp])).toEqual({ status: "empty" });
    expect(h.fake.messages(channelId)).toHaveLength(1);
    expect(edits()).toHaveLength(0);
  });

  it("sends one updated message and edits the one sent when a key figure changes", async () => {
    await run.digest([quakeReuters, centralBank]);
    const before = titles(h.fake.messages(channelId)[0]!);
    await run.digest([quakeBbc]);
    const [sent, update] = h.fake.messages(channelId);
    expect(h.fake.messages(channelId)).toHaveLength(2);
    expect(update!.content).toContain("1 story");
    expect(titles(update!)).toEqual(["🔄 Updated: Turkey earthquake: Van death toll rises to 15"]);
    expect(embedText(update!)).toContain("Figures differ: 15 dead (BBC); 12 (Reuters)");
    // The message already sent is edited in place: the quake updated, the other story kept.
    expect(edits()).toHaveLength(1);
    expect(edits()[0]!.path).toBe(`/channels/${channelId}/messages/${sent!.id}`);
    expect(sent!.edited_timestamp).not.toBeNull();
    expect(before).not.toContain("🔄 Updated: Turkey earthquake: Van death toll rises to 15");
    expect(titles(sent!)).toContain("🔄 Updated: Turkey earthquake: Van death toll rises to 15");
    expect(titles(sent!)).toContain(centralBank.title);
    expect(sent!.content).toBe(
      update!.content?.replace("09:00", "08:00").replace("1 story", "2 stories"),
    );

    expect(await run.digest([quakeAfp])).toEqual({ status: "empty" });
    expect(h.fake.messages(channelId)).toHaveLength(2);
    expect(edits()).toHaveLength(1);
  });

  it("shows disagreeing figures, each with its source, and links every report", async () => {
    await run.digest([quakeReuters, quakeAfp]);
    const [message] = h.fake.messages(channelId);
    expect(message!.embeds).toHaveLength(1);
    const text = embedText(message!);
    expect(text).toContain("Figures differ: 15 dead (AFP); 12 (Reuters)");
    expect(text).toContain(
      `*Reported by 2 sources:* [AFP](${quakeAfp.url}), [Reuters](${quakeReuters.url})`,
    );
  });
});
