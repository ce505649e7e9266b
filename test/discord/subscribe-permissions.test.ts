import { OverwriteType, PermissionFlagsBits as P } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import type { Json } from "../fakes/discord/fake-discord.js";
import { startBot, type Harness } from "./start-bot.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function subscribeTo(h: Harness, channel: string): Promise<string> {
  const call = h.fake.runCommand({ name: "subscribe", options: { channel, cron: "0 8 * * *" } });
  return String(((await call.waitFor("edit")).body as Json).content);
}

/** Waits until the bot's cache has seen the overwrite (CHANNEL_UPDATE over the gateway). */
async function overwrite(h: Harness, channelId: string, target: Json) {
  h.fake.setOverwrites(channelId, [target]);
  const deadline = Date.now() + 2_000;
  for (;;) {
    const cached = h.bot.client.channels.cache.get(channelId) as
      { permissionOverwrites?: { cache: Map<string, unknown> } } | undefined;
    if (cached?.permissionOverwrites?.cache.has(String(target.id))) return;
    if (Date.now() > deadline) throw new Error("overwrite never reached the bot");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("discord /subscribe checks that the bot can post there", () => {
  it("subscribes when the bot can view, send and embed in the channel", async () => {
    h = await startBot();
    expect(await subscribeTo(h, h.fake.ids.text)).toMatch(/^Subscribed: /);
  });

  it("names what is missing when a channel overwrite takes a permission away", async () => {
    h = await startBot();
    await overwrite(h, h.fake.ids.announcement, {
      id: h.fake.ids.botRole,
      type: OverwriteType.Role,
      allow: "0",
      deny: String(P.EmbedLinks | P.SendMessages),
    });
    const answer = await subscribeTo(h, h.fake.ids.announcement);
    expect(answer).toContain(`I can't post digests in <#${h.fake.ids.announcement}>`);
    expect(answer).toContain("missing Send Messages, Embed Links there");
    expect(h.backend.subs).toHaveLength(0);
  });

  it("checks a thread's parent overwrites and Send Messages in Threads", async () => {
    h = await startBot();
    await overwrite(h, h.fake.ids.text, {
      id: h.fake.applicationId,
      type: OverwriteType.Member,
      allow: "0",
      deny: String(P.ViewChannel),
    });
    const answer = await subscribeTo(h, h.fake.ids.thread);
    expect(answer).toContain("missing View Channel");
    expect(h.backend.subs).toHaveLength(0);
  });
});
