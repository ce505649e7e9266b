import { once } from "node:events";
import { Client, Events, GatewayIntentBits, ChannelType } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeDiscord, type FakeDiscord } from "./fake-discord.js";

let fake: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await fake?.close();
  client = fake = undefined;
});

function newClient(server: FakeDiscord, intents: number[] = [GatewayIntentBits.Guilds]): Client {
  return new Client({
    intents,
    rest: { api: server.apiRoot, retries: 0 },
    waitGuildTimeout: 1_000,
  });
}

describe("fake Discord: login", () => {
  it("lets a real discord.js Client log in, identify and become ready with the seeded guild", async () => {
    fake = await createFakeDiscord();
    client = newClient(fake);
    const ready = once(client, Events.ClientReady);
    await client.login(fake.token);
    await ready;

    expect(client.user?.id).toBe(fake.applicationId);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.ids.guild);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(fake.ids.text)?.type).toBe(ChannelType.GuildText);
    expect(guild?.channels.cache.get(fake.ids.announcement)?.type).toBe(
      ChannelType.GuildAnnouncement,
    );
    expect(guild?.channels.cache.get(fake.ids.thread)?.isThread()).toBe(true);
    expect(guild?.roles.cache.size).toBe(3);
    expect(guild?.members.cache.size).toBe(3);

    const gatewayCall = fake.requests.find((r) => r.path === "/gateway/bot");
    expect(gatewayCall?.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(fake.gateway.identifies[0]).toMatchObject({
      token: fake.token,
      intents: GatewayIntentBits.Guilds,
    });
    const ops = fake.gateway.frames.map((f) => `${f.direction}:${f.op}${f.t ? `:${f.t}` : ""}`);
    expect(ops.slice(0, 4)).toEqual(["out:10", "in:2", "out:0:READY", "out:0:GUILD_CREATE"]);
  });

  it("answers heartbeats (op 1) with acks (op 11)", async () => {
    fake = await createFakeDiscord({ heartbeatIntervalMs: 50 });
    client = newClient(fake);
    await client.login(fake.token);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ops = fake.gateway.frames.map((f) => `${f.direction}:${f.op}`);
    const beat = ops.indexOf("in:1");
    expect(beat).toBeGreaterThan(0);
    expect(ops.slice(beat)).toContain("out:11");
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it("refuses a wrong token at GET /gateway/bot with 401", async () => {
    fake = await createFakeDiscord();
    client = newClient(fake);
    await expect(client.login("not-the-token.abcdefghijklmnopqrstuvwxyz")).rejects.toThrow(
      /token/i,
    );
    expect(fake.requests.at(-1)?.status).toBe(401);
  });

  it("closes the session with 4014 when privileged intents are requested", async () => {
    fake = await createFakeDiscord();
    client = newClient(fake, [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent]);
    await expect(client.login(fake.token)).rejects.toThrow();
    expect(fake.gateway.sessionCount()).toBe(0);
  });

  it("serves the REST routes discord.js may call around login", async () => {
    fake = await createFakeDiscord();
    client = newClient(fake);
    await client.login(fake.token);
    const app = await client.application?.fetch();
    expect(app?.id).toBe(fake.applicationId);
    const channel = await client.channels.fetch(fake.ids.announcement, { force: true });
    expect(channel?.type).toBe(ChannelType.GuildAnnouncement);
    await expect(client.channels.fetch("1", { force: true })).rejects.toMatchObject({
      code: 10003,
    });
  });
});
