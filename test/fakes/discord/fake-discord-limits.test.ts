import { DiscordAPIError, REST, Routes } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFakeDiscord, type FakeDiscord } from "./fake-discord.js";

let fake: FakeDiscord;
let rest: REST;
beforeEach(async () => {
  fake = await createFakeDiscord();
  rest = new REST({ api: fake.apiRoot, retries: 0 }).setToken(fake.token);
});
afterEach(() => fake.close());

const post = (body: unknown) => rest.post(Routes.channelMessages(fake.ids.text), { body });
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected Discord to refuse");
    },
    (e: unknown) => e as DiscordAPIError,
  );
const embed = (over: Record<string, unknown> = {}) => ({ title: "t", description: "d", ...over });

describe("fake Discord: message limits answer 400 / 50035 Invalid Form Body", () => {
  it.each([
    ["content over 2000", { content: "x".repeat(2001) }, "content[BASE_TYPE_MAX_LENGTH]"],
    ["title over 256", { embeds: [embed({ title: "x".repeat(257) })] }, "embeds[0].title"],
    [
      "description over 4096",
      { embeds: [embed({ description: "x".repeat(4097) })] },
      "embeds[0].description",
    ],
    [
      "field name over 256",
      { embeds: [embed({ fields: [{ name: "n".repeat(257), value: "v" }] })] },
      "embeds[0].fields[0].name",
    ],
    [
      "field value over 1024",
      { embeds: [embed({ fields: [{ name: "n", value: "v".repeat(1025) }] })] },
      "embeds[0].fields[0].value",
    ],
    [
      "more than 25 fields",
      {
        embeds: [embed({ fields: Array.from({ length: 26 }, () => ({ name: "n", value: "v" })) })],
      },
      "embeds[0].fields[BASE_TYPE_MAX_LENGTH]",
    ],
    [
      "footer over 2048",
      { embeds: [embed({ footer: { text: "f".repeat(2049) } })] },
      "embeds[0].footer.text",
    ],
    [
      "more than 10 embeds",
      { embeds: Array.from({ length: 11 }, () => embed()) },
      "embeds[BASE_TYPE_MAX_LENGTH]",
    ],
    [
      "over 6000 characters across embeds",
      {
        embeds: [
          embed({ description: "x".repeat(4000) }),
          embed({ description: "y".repeat(2000) }),
        ],
      },
      "embeds[MAX_EMBED_SIZE_EXCEEDED]",
    ],
    ["a nonce over 25 characters", { content: "x", nonce: "n".repeat(26) }, "nonce"],
  ])("refuses %s", async (_name, body, where) => {
    const error = await rejection(post(body));
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error.status).toBe(400);
    expect(error.code).toBe(50035);
    expect(error.message).toContain(where);
    expect(fake.messages(fake.ids.text)).toHaveLength(0);
  });

  it("accepts a message exactly at the limits", async () => {
    const full = [
      embed({
        title: "t".repeat(256),
        description: "d".repeat(4096 - 256),
        footer: { text: "f".repeat(100) },
      }),
      embed({ title: "", description: "x".repeat(6000 - 4096 - 100 - 1), footer: { text: "" } }),
    ];
    await post({ content: "c".repeat(2000), embeds: full, nonce: "n".repeat(25) });
    expect(fake.messages(fake.ids.text)).toHaveLength(1);
  });

  it("refuses an empty message with 50006 and a voice channel with 50008", async () => {
    expect((await rejection(post({ content: "" }))).code).toBe(50006);
    const voice = rest.post(Routes.channelMessages(fake.ids.voice), { body: { content: "x" } });
    expect((await rejection(voice)).code).toBe(50008);
  });

  it("requires the bot token and records every request", async () => {
    const anonymous = new REST({ api: fake.apiRoot, retries: 0 }).setToken(
      "someone-else.abcdefghijklmnopqrstuvwxyz",
    );
    const error = await rejection(
      anonymous.post(Routes.channelMessages(fake.ids.text), { body: { content: "x" } }),
    );
    expect(error.status).toBe(401);
    await post({ content: "hello" });
    expect(fake.requests.map((r) => [r.method, r.route, r.status])).toEqual([
      ["POST", "/channels/:channelId/messages", 401],
      ["POST", "/channels/:channelId/messages", 200],
    ]);
    expect(fake.requests[1]?.body).toEqual({ content: "hello" });
    expect(fake.requests[1]?.headers["content-type"]).toContain("application/json");
  });

  it("caps autocomplete answers at 25 choices", async () => {
    const over = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` }));
    const { validateChoices } = await import("./fake-limits.js");
    expect(validateChoices(over)?.code).toBe(50035);
    expect(validateChoices(over.slice(0, 25))).toBeNull();
  });
});
