import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ANONYMOUS_ADMIN } from "../fakes/telegram/index.js";
import { alice, bob, startHarness, type Harness } from "./harness.js";

const GROUP = -100200;
const OTHER_CHANNEL = -100999;
const CHANNEL = -100900;
const FORUM = -100700;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.tg.addChat({
    id: GROUP,
    type: "supergroup",
    title: "Readers",
    members: [
      { user: alice, status: "administrator" },
      { user: bob, status: "member" },
    ],
  });
  h.tg.addChat({ id: OTHER_CHANNEL, type: "channel", title: "Someone else's channel" });
  h.tg.addChat({ id: CHANNEL, type: "channel", title: "Digest News", username: "digest_news" });
  h.tg.setMember(CHANNEL, alice, "creator");
  h.tg.setMember(CHANNEL, h.tg.bot, "administrator", { can_post_messages: true });
});
afterEach(() => h.close());

describe("/subscribe", () => {
  it("subscribes a private chat with cron, time zone and count", async () => {
    const [reply] = await h.ask(alice.id, alice, "/subscribe 0 8 * * * Asia/Almaty 5");
    expect(reply!.text).toBe(
      "Subscribed: s1 — daily 08:00 Asia/Almaty, 5 cards. Remove it with /unsubscribe s1",
    );
    expect(h.backend.subs).toMatchObject([
      {
        target: { platform: "telegram", chatId: String(alice.id), threadId: null },
        cron: "0 8 * * *",
        timezone: "Asia/Almaty",
        count: 5,
        createdBy: `telegram:${alice.id}`,
      },
    ]);
  });

  it("lets a group admin subscribe the group and refuses a plain member", async () => {
    const [refused] = await h.ask(GROUP, bob, "/subscribe 0 8 * * *");
    expect(refused!.text).toBe("Only admins of this group can manage its subscriptions.");
    expect(h.backend.subs).toHaveLength(0);
    const [ok] = await h.ask(GROUP, alice, "/subscribe@digest_test_bot 30 7 * * 1-5 Europe/Berlin");
    expect(ok!.text).toMatch(/^Subscribed: s1 — weekdays 07:30 Europe\/Berlin, 5 cards/);
    expect(h.backend.subs[0]!.target.chatId).toBe(String(GROUP));
  });

  it("accepts the anonymous admin only when it posts on behalf of this very group", async () => {
    const [spoofed] = await h.ask(GROUP, ANONYMOUS_ADMIN, "/subscribe 0 8 * * *", 1, {
      senderChat: OTHER_CHANNEL,
    });
    expect(spoofed!.text).toBe("Only admins of this group can manage its subscriptions.");
    const [ok] = await h.ask(GROUP, ANONYMOUS_ADMIN, "/subscribe 0 8 * * *", 1, {
      senderChat: GROUP,
    });
    expect(ok!.text).toMatch(/^Subscribed: s1/);
    expect(h.backend.subs).toHaveLength(1);
  });

  it("takes +word and -word filters and shows them back", async () => {
    const [reply] = await h.ask(alice.id, alice, "/subscribe 0 8 * * * UTC 3 +budget -sport");
    expect(reply!.text).toBe(
      "Subscribed: s1 — daily 08:00 UTC, 3 cards, only +budget -sport. Remove it with /unsubscribe s1",
    );
    expect(h.backend.subs[0]).toMatchObject({ include: ["budget"], exclude: ["sport"] });
  });

  it("subscribes a channel for its admin when the bot may post there", async () => {
    const [reply] = await h.ask(alice.id, alice, "/subscribe @digest_news 0 9 * * * UTC 3");
    expect(reply!.text).toBe(
      "Subscribed for @digest_news: s1 — daily 09:00 UTC, 3 cards. Remove it with /unsubscribe s1",
    );
    expect(h.backend.subs[0]!.target).toEqual({
      platform: "telegram",
      chatId: String(CHANNEL),
      threadId: null,
    });
    const [listed] = await h.ask(alice.id, alice, "/subscriptions @digest_news");
    expect(listed!.text).toContain("s1 — daily 09:00 UTC, 3 cards");
  });

  it("refuses a channel subscription from a non-admin, or where the bot cannot post", async () => {
    const [notAdmin] = await h.ask(bob.id, bob, "/subscribe @digest_news 0 9 * * *");
    expect(notAdmin!.text).toBe(
      "Only administrators of @digest_news can manage its subscriptions.",
    );
    h.tg.setMember(CHANNEL, h.tg.bot, "administrator", { can_post_messages: false });
    const [cannotPost] = await h.ask(alice.id, alice, "/subscribe @digest_news 0 9 * * *");
    expect(cannotPost!.text).toBe(
      `I can't post in @digest_news: make me an administrator with the "Post messages" right.`,
    );
    const [unknown] = await h.ask(alice.id, alice, "/subscribe @nowhere_chan 0 9 * * *");
    expect(unknown!.text).toMatch(
      /^I can't see the admins of @nowhere_chan\. Add me to the channel/,
    );
    h.tg.setMember(CHANNEL, h.tg.bot, "left");
    const [notMember] = await h.ask(alice.id, alice, "/subscribe @digest_news 0 9 * * *");
    expect(notMember!.text).toMatch(/^I can't see the admins of @digest_news/);
    expect(h.backend.subs).toHaveLength(0);
  });

  it.each([
    ["/subscribe", "CRON needs five fields (minute hour day month weekday). Usage:"],
    ["/subscribe 0 8 * *", "CRON needs five fields"],
    ["/subscribe 0 8 * * * UTC 11", "COUNT must be from 1 to 10."],
    ["/subscribe 0 8 * * * UTC 5 more", 'Unexpected "more".'],
  ])("explains %s in one line with an example", async (command, start) => {
    const [reply] = await h.ask(alice.id, alice, command);
    expect(reply!.text).toContain(start);
    expect(reply!.text).toContain("e.g. /subscribe 0 8 * * * Asia/Almaty 5");
    expect(reply!.text).not.toContain("\n");
    expect(h.backend.subs).toHaveLength(0);
  });

  it("passes the backend's validation error on, in one line", async () => {
    h.backend.subscribe = async () => ({ ok: false, error: 'unknown time zone "Mars/Base"' });
    const [reply] = await h.ask(alice.id, alice, "/subscribe 0 8 * * * Mars/Base");
    expect(reply!.text).toBe(
      `Can't subscribe: unknown time zone "Mars/Base". Example: /subscribe 0 8 * * * Asia/Almaty 5`,
    );
  });

  it("subscribes a forum topic and answers in it", async () => {
    h.tg.addChat({
      id: FORUM,
      type: "supergroup",
      title: "Forum",
      isForum: true,
      members: [{ user: alice, status: "creator" }],
    });
    const [reply] = await h.ask(FORUM, alice, "/subscribe 0 8 * * *", 1, { messageThreadId: 9 });
    expect(reply!.threadId).toBe(9);
    expect(reply!.text).toContain("in this topic");
    expect(h.backend.subs[0]!.target).toEqual({
      platform: "telegram",
      chatId: String(FORUM),
      threadId: "9",
    });
  });
});

describe("/subscriptions and /unsubscribe", () => {
  it("lists and removes a chat's subscriptions", async () => {
    await h.ask(alice.id, alice, "/subscribe 0 8 * * *");
    await h.ask(alice.id, alice, "/subscribe 0 20 * * * UTC 2");
    const [list] = await h.ask(alice.id, alice, "/subscriptions");
    // Each with its next run in the chat's zone (UTC here).
    expect(list!.text).toMatch(
      /^Subscriptions of This chat\n• s1 — daily 08:00 UTC, 5 cards · next \w{3},? \d+ \w{3}, 08:00\n• s2 — daily 20:00 UTC, 2 cards · next \w{3},? \d+ \w{3}, 20:00$/,
    );
    const [one] = await h.ask(alice.id, alice, "/unsubscribe s1");
    expect(one!.text).toBe("Unsubscribed: s1.");
    const [missing] = await h.ask(alice.id, alice, "/unsubscribe s1");
    expect(missing!.text).toBe("This chat has no subscription s1. See /subscriptions.");
    const [all] = await h.ask(alice.id, alice, "/unsubscribe");
    expect(all!.text).toBe("Unsubscribed: s2.");
    const [empty] = await h.ask(alice.id, alice, "/subscriptions");
    expect(empty!.text).toMatch(/^This chat has no subscriptions\. Add one with \/subscribe/);
  });

  it("lets anyone list a group's subscriptions but only admins remove them", async () => {
    await h.ask(GROUP, alice, "/subscribe 0 8 * * *");
    const [list] = await h.ask(GROUP, bob, "/subscriptions");
    expect(list!.text).toContain("s1 — daily 08:00 UTC");
    const [refused] = await h.ask(GROUP, bob, "/unsubscribe s1");
    expect(refused!.text).toBe("Only admins of this group can manage its subscriptions.");
    expect(h.backend.subs).toHaveLength(1);
    const [bad] = await h.ask(GROUP, alice, "/unsubscribe s1 s2");
    expect(bad!.text).toBe(
      "Usage: /unsubscribe [ID] with an ID from /subscriptions (without ID: all of this chat's)",
    );
  });
});
