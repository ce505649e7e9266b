import { ChannelType, MessageFlags } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { PERMISSIONS, type Json } from "../fakes/discord/fake-discord.js";
import { startBot, type Harness } from "./start-bot.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const embedsOf = (body: unknown) => ((body as Json).embeds ?? []) as Json[];

describe("discord subscription commands, end to end", () => {
  it("/subscribe stores a subscription for a thread and answers ephemerally", async () => {
    h = await startBot();
    const call = h.fake.runCommand({
      name: "subscribe",
      options: {
        channel: h.fake.ids.thread,
        cron: "0 8 * * *",
        timezone: "Europe/Berlin",
        count: 4,
      },
    });
    const edit = await call.waitFor("edit");
    expect(call.requests()[0]?.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect((edit.body as Json).content).toContain(`<#${h.fake.ids.thread}>`);
    expect(h.backend.subs).toMatchObject([
      {
        target: { platform: "discord", chatId: h.fake.ids.thread, threadId: null },
        cron: "0 8 * * *",
        timezone: "Europe/Berlin",
        count: 4,
        createdBy: h.fake.ids.admin,
      },
    ]);
  });

  it("/subscribe takes include and exclude keywords and lists them", async () => {
    h = await startBot();
    const call = h.fake.runCommand({
      name: "subscribe",
      options: {
        channel: h.fake.ids.text,
        cron: "0 8 * * *",
        include: "budget, tax",
        exclude: "sport",
      },
    });
    const edit = await call.waitFor("edit");
    expect((edit.body as Json).content).toContain("only +budget +tax -sport");
    expect(h.backend.subs[0]).toMatchObject({ include: ["budget", "tax"], exclude: ["sport"] });
  });

  it("/subscribe shows the backend's validation error to the caller only", async () => {
    h = await startBot();
    const call = h.fake.runCommand({
      name: "subscribe",
      options: { channel: h.fake.ids.text, cron: "daily" },
    });
    const edit = await call.waitFor("edit");
    expect((edit.body as Json).content).toContain("cron needs 5 fields");
    expect(h.fake.messages(h.fake.ids.text).at(-1)?.flags).toBe(MessageFlags.Ephemeral);
    expect(h.backend.subs).toHaveLength(0);
  });

  it("refuses /subscribe and /unsubscribe to a member without Manage Channels, even if the server allowed the command", async () => {
    h = await startBot();
    for (const name of ["subscribe", "unsubscribe"]) {
      const options: Record<string, string> =
        name === "subscribe" ? { channel: h.fake.ids.text, cron: "0 8 * * *" } : {};
      const call = h.fake.runCommand({
        name,
        options,
        userId: h.fake.ids.reader,
        permissions: PERMISSIONS.everyone,
      });
      const edit = await call.waitFor("edit");
      expect((edit.body as Json).content).toContain("Manage Channels");
    }
    expect(h.backend.subs).toHaveLength(0);
  });

  it("/subscriptions lists the server's digests and /unsubscribe removes them", async () => {
    h = await startBot();
    await h.backend.subscribe({
      target: { platform: "discord", chatId: h.fake.ids.announcement, threadId: null },
      cron: "0 9 * * *",
      createdBy: "x",
    });
    await h.backend.subscribe({
      target: { platform: "discord", chatId: h.fake.ids.text, threadId: null },
      cron: "0 18 * * 1",
      createdBy: "x",
    });
    await h.backend.subscribe({
      target: { platform: "discord", chatId: "999", threadId: null },
      cron: "0 7 * * *",
      createdBy: "x",
    });

    const list = h.fake.runCommand({ name: "subscriptions", userId: h.fake.ids.reader });
    const [embed] = embedsOf((await list.waitFor("edit")).body);
    expect(embed?.description).toContain(`**s1** · <#${h.fake.ids.announcement}>`);
    expect(embed?.description).toContain(`**s2** · <#${h.fake.ids.text}>`);
    expect(embed?.description).not.toContain("s3");

    const byId = h.fake.runCommand({ name: "unsubscribe", options: { id: "s1" } });
    expect(((await byId.waitFor("edit")).body as Json).content).toBe("Removed 1 digest: **s1**.");
    const here = h.fake.runCommand({ name: "unsubscribe", channelId: h.fake.ids.text });
    expect(((await here.waitFor("edit")).body as Json).content).toBe("Removed 1 digest: **s2**.");
    const foreign = h.fake.runCommand({ name: "unsubscribe", options: { id: "s3" } });
    expect(((await foreign.waitFor("edit")).body as Json).content).toContain(
      'No digest "s3" in this server',
    );
    expect(h.backend.subs.map((s) => s.id)).toEqual(["s3"]);
  });

  it("autocompletes time zones, at most 25, matching what was typed", async () => {
    h = await startBot();
    const berlin = await h.fake.autocomplete({
      name: "subscribe",
      focused: "timezone",
      options: { timezone: "berl" },
    });
    expect(berlin).toEqual([{ name: "Europe/Berlin", value: "Europe/Berlin" }]);
    const america = await h.fake.autocomplete({
      name: "subscribe",
      focused: "timezone",
      options: { timezone: "america/" },
    });
    expect(america).toHaveLength(25);
    const utc = await h.fake.autocomplete({
      name: "subscribe",
      focused: "timezone",
      options: { timezone: "utc" },
    });
    expect(utc[0]?.value).toBe("UTC");
  });

  it("does not offer voice channels for /subscribe (channel_types)", async () => {
    h = await startBot();
    const put = h.fake.requests.find((r) => r.method === "PUT");
    const channelOption = (
      (put?.body as Json[]).find((c) => c.name === "subscribe")?.options as Json[]
    )[0];
    expect(channelOption?.channel_types).not.toContain(ChannelType.GuildVoice);
    expect(() =>
      h!.fake.runCommand({
        name: "subscribe",
        options: { channel: h!.fake.ids.voice, cron: "0 8 * * *" },
      }),
    ).toThrow(/would not offer/);
  });
});
