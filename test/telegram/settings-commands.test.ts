import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBotBackend } from "../../src/delivery/index.js";
import { systemClock } from "../../src/lib/clock.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import { alice, bob, startHarness, type Harness } from "./harness.js";

const GROUP = -100200;
let h: Harness;
let store: Store;

beforeEach(async () => {
  store = createMemoryStore();
  // The real backend: settings, schedules in words and the chat's zone are its rules.
  h = await startHarness({ backend: createBotBackend({ store, clock: systemClock }) });
  h.tg.addChat({
    id: GROUP,
    type: "supergroup",
    title: "Readers",
    members: [
      { user: alice, status: "administrator" },
      { user: bob, status: "member" },
    ],
  });
});
afterEach(() => h.close());

describe("/settings on Telegram", () => {
  it("shows the defaults, then saves a time zone that new subscriptions use", async () => {
    const [shown] = await h.ask(alice.id, alice, "/settings");
    expect(shown!.text).toBe(
      [
        "Settings of This chat",
        "Time zone: not set (new subscriptions use UTC)",
        "Language: English",
        "Quiet hours: off",
        "Change with /settings tz Europe/Berlin · /settings lang de · /settings quiet 22:00-07:00 (or off)",
      ].join("\n"),
    );
    const [saved] = await h.ask(alice.id, alice, "/settings tz Europe/Berlin");
    expect(saved!.text).toContain("Saved.\nSettings of This chat\nTime zone: Europe/Berlin");
    const [subscribed] = await h.ask(alice.id, alice, "/subscribe weekly mon 09:00 3");
    expect(subscribed!.text).toMatch(
      /^Subscribed: \w+ — weekly mon 09:00 Europe\/Berlin, 3 cards\. Remove it with \/unsubscribe \w+$/,
    );
    const [list] = await h.ask(alice.id, alice, "/subscriptions");
    expect(list!.text).toMatch(
      /weekly mon 09:00 Europe\/Berlin, 3 cards · next Mon,? \d+ \w{3}, 09:00$/,
    );
  });

  it("answers in German after /settings lang de, the cards' text untouched", async () => {
    const [saved] = await h.ask(alice.id, alice, "/settings lang de");
    expect(saved!.text.split("\n").slice(0, 3)).toEqual([
      "Gespeichert.",
      "Einstellungen von Dieser Chat",
      "Zeitzone: nicht gesetzt (neue Abos nutzen UTC)",
    ]);
    const [help] = await h.ask(alice.id, alice, "/help");
    expect(help!.text).toMatch(/^Befehle\n\/latest \[N\] — die N neuesten Karten/);
    const [subscribed] = await h.ask(alice.id, alice, "/subscribe daily 07:30");
    expect(subscribed!.text).toMatch(/^Abonniert: \w+ — daily 07:30 UTC, 5 Karten\. Entfernen mit/);
    const [list] = await h.ask(alice.id, alice, "/subscriptions");
    expect(list!.text).toMatch(
      /^Abos von Dieser Chat\n• \w+ — daily 07:30 UTC, 5 Karten · nächstes /,
    );
  });

  it("takes a German user's Telegram language until the chat sets one", async () => {
    const hans = { ...bob, id: 1003, first_name: "Hans", language_code: "de" };
    const [start] = await h.ask(hans.id, hans, "/start");
    expect(start!.text).toMatch(/^Hallo!/);
    await h.ask(hans.id, hans, "/settings lang en");
    const [again] = await h.ask(hans.id, hans, "/start");
    expect(again!.text).toMatch(/^Hi!/);
  });

  it("sets and clears quiet hours, and explains a bad window", async () => {
    const [saved] = await h.ask(alice.id, alice, "/settings quiet 22:00-07:00");
    expect(saved!.text).toContain(
      "Quiet hours: 22:00–07:00 — no digests then; they wait until 07:00",
    );
    const chat = { platform: "telegram" as const, chatId: String(alice.id) };
    expect((await store.settings.get(chat))?.quietHours).toEqual({ start: "22:00", end: "07:00" });
    const [bad] = await h.ask(alice.id, alice, "/settings quiet late");
    expect(bad!.text).toBe(
      `Can't change settings: quiet hours are a from-to window in local time, e.g. "22:00-07:00", or "off"`,
    );
    await h.ask(alice.id, alice, "/settings quiet off");
    expect((await store.settings.get(chat))?.quietHours).toBeNull();
  });

  it("lets anyone in a group read the settings but only admins change them", async () => {
    const [shown] = await h.ask(GROUP, bob, "/settings");
    expect(shown!.text).toMatch(/^Settings of This group\n/);
    const [refused] = await h.ask(GROUP, bob, "/settings tz Asia/Almaty");
    expect(refused!.text).toBe("Only admins can change this chat's settings.");
    expect(
      await store.settings.get({ platform: "telegram", chatId: String(GROUP) }),
    ).toBeUndefined();
    const [ok] = await h.ask(GROUP, alice, "/settings tz Asia/Almaty");
    expect(ok!.text).toContain("Time zone: Asia/Almaty");
  });

  it("names an unknown setting or a bad zone", async () => {
    const [unknown] = await h.ask(alice.id, alice, "/settings colour blue");
    expect(unknown!.text).toMatch(/^Can't change settings: "colour"\?\nChange with \/settings tz/);
    const [zone] = await h.ask(alice.id, alice, "/settings tz Mars/Base");
    expect(zone!.text).toMatch(/^Can't change settings: "Mars\/Base" is not a known time zone/);
  });

  it("changes a channel's settings for its admins: its digests keep quiet there", async () => {
    const CHANNEL = -100900;
    h.tg.addChat({ id: CHANNEL, type: "channel", title: "Digest News", username: "digest_news" });
    h.tg.setMember(CHANNEL, alice, "creator");
    h.tg.setMember(CHANNEL, h.tg.bot, "administrator", { can_post_messages: true });
    const [saved] = await h.ask(alice.id, alice, "/settings @digest_news quiet 23:00-06:30");
    expect(saved!.text).toContain("Saved.\nSettings of @digest_news\n");
    expect(
      await store.settings.get({ platform: "telegram", chatId: String(CHANNEL) }),
    ).toMatchObject({ quietHours: { start: "23:00", end: "06:30" } });
    expect(
      await store.settings.get({ platform: "telegram", chatId: String(alice.id) }),
    ).toBeUndefined();
    const [refused] = await h.ask(bob.id, bob, "/settings @digest_news quiet off");
    expect(refused!.text).toMatch(/^(Only administrators of @digest_news|I can't see the admins)/);
  });
});
