import { afterEach, describe, expect, it } from "vitest";
import type { Json } from "../fakes/discord/fake-discord.js";
import { startBot, type Harness } from "./start-bot.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const zones = async (h: Harness, typed: string) =>
  (
    await h.fake.autocomplete({
      name: "subscribe",
      focused: "timezone",
      options: { timezone: typed },
    })
  ).map((c) => c.value);

describe("discord answers a new user can trust", () => {
  it("autocompletes time zones by city name and by common abbreviation", async () => {
    h = await startBot();
    expect((await zones(h, "new york"))[0]).toBe("America/New_York");
    expect((await zones(h, "New_Y"))[0]).toBe("America/New_York");
    expect((await zones(h, "kyiv"))[0]).toMatch(/^Europe\/(Kyiv|Kiev)$/);
    expect((await zones(h, "kolkata"))[0]).toMatch(/^Asia\/(Kolkata|Calcutta)$/);
    expect((await zones(h, "est"))[0]).toBe("America/New_York");
    expect((await zones(h, "PST"))[0]).toBe("America/Los_Angeles");
    expect((await zones(h, "cet"))[0]).toBe("Europe/Paris");
    expect((await zones(h, "msk"))[0]).toBe("Europe/Moscow");
  });

  it("strips a leading + or - from keywords and keeps a quoted phrase together", async () => {
    h = await startBot();
    const call = h.fake.runCommand({
      name: "subscribe",
      options: {
        channel: h.fake.ids.text,
        cron: "0 8 * * *",
        include: '+budget "central bank"',
        exclude: "-sport",
      },
    });
    await call.waitFor("edit");
    expect(h.backend.subs[0]).toMatchObject({
      include: ["budget", '"central bank"'],
      exclude: ["sport"],
    });
  });

  it("refuses a keyword with nothing to match instead of ignoring it", async () => {
    h = await startBot();
    const call = h.fake.runCommand({
      name: "subscribe",
      options: { channel: h.fake.ids.text, cron: "0 8 * * *", include: "+🚀" },
    });
    const edit = await call.waitFor("edit");
    expect((edit.body as Json).content).toContain("has no word to match");
    expect(h.backend.subs).toHaveLength(0);
  });

  it("lists the cards an ambiguous id prefix could mean", async () => {
    h = await startBot();
    const call = h.fake.runCommand({ name: "card", options: { id: "abc0" } });
    const followUp = await call.waitFor("followup");
    const content = String((followUp.body as Json).content);
    expect(content).toContain("fits several cards");
    expect(content).toContain("abc000000001");
  });

  it("repeats at most 100 characters of a huge id instead of failing", async () => {
    h = await startBot();
    const call = h.fake.runCommand({ name: "unsubscribe", options: { id: "x".repeat(4000) } });
    const edit = await call.waitFor("edit");
    const content = String((edit.body as Json).content);
    expect(content).toContain(`No digest "${"x".repeat(99)}…" in this server`);
    expect(content.length).toBeLessThan(300);
  });
});
