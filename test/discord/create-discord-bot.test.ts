import { GatewayIntentBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import {
  commandDefinitions,
  createMemoryKeyValue,
  registerCommands,
  registerIfChanged,
} from "../../src/adapters/discord/index.js";
import { type Json } from "../fakes/discord/fake-discord.js";
import { startBot, type Harness } from "./start-bot.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("createDiscordBot", () => {
  it("finds the gateway through GET {apiRoot}/v10/gateway/bot and identifies with the Guilds intent only", async () => {
    h = await startBot();
    expect(h.fake.requests[0]?.path).toBe("/gateway/bot");
    expect(h.fake.requests[0]?.url).toMatch(/^\/api\/v10\//);
    expect(h.fake.gateway.identifies).toHaveLength(1);
    expect(h.fake.gateway.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.bot.client.options.allowedMentions).toEqual({ parse: [] });
  });

  it("start and stop are idempotent; stop closes the gateway session", async () => {
    h = await startBot({ start: false });
    await Promise.all([h.bot.start(), h.bot.start()]);
    expect(h.fake.gateway.identifies).toHaveLength(1);
    await Promise.all([h.bot.stop(), h.bot.stop()]);
    await h.bot.stop();
    expect(h.bot.client.isReady()).toBe(false);
    await expect.poll(() => h!.fake.gateway.sessionCount()).toBe(0);
    await expect(h.bot.start()).resolves.toBeUndefined();
  });

  it("can be stopped without having started, and then refuses to start", async () => {
    h = await startBot({ start: false });
    await expect(h.bot.stop()).resolves.toBeUndefined();
    await expect(h.bot.start()).rejects.toThrow(/stopped/);
  });

  it("fails to start with a wrong token, without echoing it, and logs no token anywhere", async () => {
    h = await startBot({
      start: false,
      bot: { token: "wrong-token.abcdefghijklmnopqrstuvwxyz0123" },
    });
    const error = await h.bot.start().catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/login failed/);
    expect(String(error)).not.toContain("wrong-token");
    expect(h.logs.join("\n")).not.toContain("wrong-token");
  });

  it("never writes the token to the log while running commands", async () => {
    h = await startBot();
    const call = h.fake.runCommand({ name: "latest" });
    await call.waitFor("edit");
    expect(h.logs.length).toBeGreaterThan(0);
    expect(h.logs.join("\n")).not.toContain(h.fake.token);
  });

  it("registers globally when no guild is configured", async () => {
    h = await startBot({ bot: { guildId: undefined } });
    const put = h.fake.requests.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/applications/${h.fake.applicationId}/commands`);
    expect(h.fake.state.commands.global).toHaveLength(commandDefinitions.length);
  });

  it("registers again only when the definitions changed (hash kept in the given store)", async () => {
    h = await startBot({ start: false, bot: { registerCommands: false } });
    const kv = createMemoryKeyValue();
    const options = {
      rest: h.bot.client.rest,
      applicationId: h.fake.applicationId,
      guildId: h.fake.ids.guild,
      kv,
    };
    expect(await registerIfChanged(options)).toEqual({
      scope: "guild",
      count: commandDefinitions.length,
    });
    expect(await registerIfChanged(options)).toBeNull();
    const changed = [...commandDefinitions.slice(0, 2)];
    expect(await registerIfChanged({ ...options, definitions: changed })).toEqual({
      scope: "guild",
      count: 2,
    });
    expect(h.fake.requests.filter((r) => r.method === "PUT")).toHaveLength(2);
    expect(
      (h.fake.state.commands.guild.get(h.fake.ids.guild) ?? []).map((c: Json) => c.name),
    ).toEqual(["latest", "card"]);
  });

  it("sends definitions Discord accepts (the fake validates names, descriptions, option order)", async () => {
    h = await startBot({ start: false, bot: { registerCommands: false } });
    const rest = h.bot.client.rest;
    await expect(registerCommands({ rest, applicationId: h.fake.applicationId })).resolves.toEqual({
      scope: "global",
      count: commandDefinitions.length,
    });
    // The CLI path: a token instead of a client.
    await expect(
      registerCommands({
        token: h.fake.token,
        apiRoot: h.fake.apiRoot,
        applicationId: h.fake.applicationId,
        guildId: h.fake.ids.guild,
      }),
    ).resolves.toEqual({ scope: "guild", count: commandDefinitions.length });
    const broken = [{ ...commandDefinitions[0]!, name: "Latest" }];
    await expect(
      registerCommands({ rest, applicationId: h.fake.applicationId, definitions: broken }),
    ).rejects.toMatchObject({ code: 50035 });
  });
});
