import { once } from "node:events";
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  type Interaction,
} from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeDiscord, type FakeDiscord, type Json } from "./fake-discord.js";

let fake: FakeDiscord | undefined;
let client: Client | undefined;
afterEach(async () => {
  await client?.destroy();
  await fake?.close();
  client = fake = undefined;
});

const definitions = [
  {
    name: "ping",
    description: "Ping",
    options: [
      { type: 4, name: "count", description: "n", min_value: 1, max_value: 10 },
      { type: 3, name: "word", description: "w", autocomplete: true },
    ],
  },
];

/** A logged-in client whose interactions go to `handler`. */
async function setup(handler: (i: Interaction) => Promise<void>, interactionDeadlineMs?: number) {
  fake = await createFakeDiscord({ ...(interactionDeadlineMs ? { interactionDeadlineMs } : {}) });
  const rest = new REST({ api: fake.apiRoot }).setToken(fake.token);
  await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.ids.guild), {
    body: definitions,
  });
  client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: fake.apiRoot, retries: 0 },
  });
  const errors: unknown[] = [];
  client.on(Events.InteractionCreate, (i) => void handler(i).catch((e: unknown) => errors.push(e)));
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  return { fake, errors };
}

describe("fake Discord: interactions", () => {
  it("delivers typed options, member permissions and a working reply/edit/follow-up cycle", async () => {
    const seen: Json[] = [];
    const { fake } = await setup(async (i) => {
      if (!i.isChatInputCommand()) return;
      seen.push({
        count: i.options.getInteger("count"),
        perms: i.memberPermissions?.bitfield,
        guild: i.guildId,
      });
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply("done");
      await i.followUp({ content: "more", flags: MessageFlags.Ephemeral });
    });
    const call = fake.runCommand({ name: "ping", options: { count: 3 } });
    await call.waitFor("followup");
    expect(seen).toEqual([{ count: 3, perms: expect.any(BigInt), guild: fake.ids.guild }]);
    expect(call.requests().map((r) => [r.method, r.status])).toEqual([
      ["POST", 204],
      ["PATCH", 200],
      ["POST", 200],
    ]);
    expect(call.requests()[1]?.url).toContain("%40original");
    expect(call.requests()[1]?.path).toContain("/messages/@original");
    expect(call.original()).toMatchObject({ content: "done", flags: MessageFlags.Ephemeral });
  });

  it("refuses a second acknowledgement with 40060", async () => {
    const { fake, errors } = await setup(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.client.rest.post(Routes.interactionCallback(i.id, i.token), {
        body: { type: 4, data: { content: "x" } },
        auth: false,
      });
    });
    const call = fake.runCommand({ name: "ping" });
    await call.waitFor("callback", 1);
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]).toMatchObject({ code: 40060 });
  });

  it("refuses a first response after the deadline with 10062 Unknown interaction", async () => {
    const { fake, errors } = await setup(async (i) => {
      if (!i.isChatInputCommand()) return;
      await new Promise((resolve) => setTimeout(resolve, 120));
      await i.deferReply();
    }, 100);
    fake.runCommand({ name: "ping" });
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]).toMatchObject({ code: 10062 });
  });

  it("refuses options Discord's client would never send", async () => {
    const { fake } = await setup(async () => undefined);
    expect(() => fake.runCommand({ name: "ping", options: { count: 11 } })).toThrow(
      /would not accept/,
    );
    expect(() => fake.runCommand({ name: "nope" })).toThrow(/not registered/);
  });

  it("dispatches buttons with their message and honours deferred updates", async () => {
    const { fake } = await setup(async (i) => {
      if (i.isChatInputCommand()) {
        await i.reply({
          content: "page 1",
          components: [
            { type: 1, components: [{ type: 2, style: 2, label: "▶", custom_id: "next" }] },
          ],
        });
      } else if (i.isButton()) {
        await i.deferUpdate();
        await i.editReply({ content: `page 2 via ${i.customId} on ${i.message.id}` });
      }
    });
    const command = fake.runCommand({ name: "ping" });
    await command.waitFor("callback");
    const message = command.original()!;
    const click = fake.clickButton({ messageId: message.id, customId: "next" });
    await click.waitFor("edit");
    expect(click.requests()[0]?.body).toEqual({ type: 6 });
    expect(fake.messages(fake.ids.text)).toHaveLength(1);
    expect(message.content).toBe(`page 2 via next on ${message.id}`);
  });

  it("dispatches autocomplete with the focused option and returns the choices", async () => {
    const { fake } = await setup(async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused();
      await i.respond([{ name: `you typed ${typed}`, value: typed }]);
    });
    const choices = await fake.autocomplete({
      name: "ping",
      focused: "word",
      options: { word: "hel" },
    });
    expect(choices).toEqual([{ name: "you typed hel", value: "hel" }]);
  });
});
