import { afterEach, describe, expect, it } from "vitest";
import { createBotBackend } from "../../src/delivery/index.js";
import { systemClock } from "../../src/lib/clock.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import { PERMISSIONS, type Json } from "../fakes/discord/fake-discord.js";
import { startBot, type Harness } from "./start-bot.js";

let h: Harness | undefined;
let store: Store;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The real backend: settings, words and the channel's zone are its rules. */
async function start() {
  store = createMemoryStore();
  h = await startBot({ bot: { backend: createBotBackend({ store, clock: systemClock }) } });
  return h;
}

const run = async (
  h: Harness,
  name: string,
  options: Record<string, string> = {},
  extra: { locale?: string; userId?: string; permissions?: bigint } = {},
) => {
  const call = h.fake.runCommand({ name, options, ...extra });
  return (await call.waitFor("edit")).body as Json;
};
const description = (body: Json) => String(((body.embeds as Json[])[0] ?? {}).description);

describe("discord /settings, end to end", () => {
  it("shows the channel's settings, saves a zone that /subscribe then uses, and words back", async () => {
    const h = await start();
    const shown = await run(h, "settings");
    expect(description(shown)).toContain("Time zone: not set (new subscriptions use UTC)");
    expect(description(shown)).toContain("Quiet hours: off");
    const saved = await run(h, "settings", { timezone: "Asia/Almaty", quiet: "22:00-07:00" });
    expect(saved.content).toBe("Saved.");
    expect(description(saved)).toContain("Time zone: Asia/Almaty");
    expect(description(saved)).toContain("Quiet hours: 22:00–07:00");
    expect(
      await store.settings.get({ platform: "discord", chatId: h.fake.ids.text }),
    ).toMatchObject({ timezone: "Asia/Almaty", quietHours: { start: "22:00", end: "07:00" } });
    const subscribed = await run(h, "subscribe", {
      channel: h.fake.ids.text,
      cron: "weekdays 07:30",
    });
    expect(String(subscribed.content)).toMatch(/· weekdays 07:30 Asia\/Almaty · 5 cards/);
    const list = await run(h, "subscriptions");
    expect(description(list)).toMatch(
      /weekdays 07:30 Asia\/Almaty · 5 cards · next \w{3},? \d+ \w{3}, 07:30/,
    );
  });

  it("answers in the user's Discord language until the channel sets one", async () => {
    const h = await start();
    const german = await run(h, "settings", {}, { locale: "de" });
    expect(String(((german.embeds as Json[])[0] ?? {}).title)).toBe(
      "Einstellungen von Dieser Kanal",
    );
    expect(description(german)).toContain("Ruhezeit: aus");
    const english = await run(h, "settings", { language: "en" }, { locale: "de" });
    expect(english.content).toBe("Saved.");
    const after = await run(h, "settings", {}, { locale: "de" });
    expect(description(after)).toContain("Language: English");
  });

  it("speaks German in /help, /subscribe, /subscriptions and /unsubscribe once the channel says so", async () => {
    const h = await start();
    const help = await run(h, "help", {}, { locale: "de" });
    expect(String(((help.embeds as Json[])[0] ?? {}).title)).toBe("News-Digest-Bot");
    expect(description(help)).toContain("der nächste Digest dieses Kanals sofort");
    await run(h, "settings", { language: "de" });
    const subscribed = await run(h, "subscribe", { channel: h.fake.ids.text, cron: "daily 08:00" });
    expect(String(subscribed.content)).toMatch(
      /^Abonniert: \*\*\w+\*\* · .* · 5 Karten\. Entfernen mit/,
    );
    const list = await run(h, "subscriptions");
    expect(String(((list.embeds as Json[])[0] ?? {}).title)).toBe("Digests auf diesem Server");
    expect(description(list)).toMatch(/daily 08:00 UTC · 5 Karten · nächstes /);
    const removed = await run(h, "unsubscribe");
    expect(String(removed.content)).toMatch(/^1 Digest entfernt: \*\*\w+\*\*\.$/);
    const refused = await run(
      h,
      "subscribe",
      { channel: h.fake.ids.text, cron: "daily 08:00" },
      { userId: h.fake.ids.reader, permissions: PERMISSIONS.everyone },
    );
    expect(refused.content).toContain("„Kanäle verwalten“");
  });

  it("refuses changes from a member without Manage Channels, and explains bad values", async () => {
    const h = await start();
    const refused = await run(
      h,
      "settings",
      { quiet: "22-7" },
      { userId: h.fake.ids.reader, permissions: PERMISSIONS.everyone },
    );
    expect(refused.content).toContain("Only admins can change this chat's settings.");
    expect(
      await store.settings.get({ platform: "discord", chatId: h.fake.ids.text }),
    ).toBeUndefined();
    const bad = await run(h, "settings", { timezone: "EST" });
    expect(String(bad.content)).toMatch(/Can't change settings: .*EST/);
  });
});
