import { REST, Routes } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeDiscord, faults, type FakeDiscord, type Json } from "./fake-discord.js";

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: { nonceWindowMs?: number } = {}) {
  fake = await createFakeDiscord(options);
  const rest = new REST({ api: fake.apiRoot, retries: 0 }).setToken(fake.token);
  const post = (body: Json, channelId: string = fake!.ids.text) =>
    rest.post(Routes.channelMessages(channelId), { body }) as Promise<Json>;
  return { fake, rest, post };
}

describe("fake Discord: enforce_nonce", () => {
  it("returns the original message for a repeated nonce instead of posting twice", async () => {
    const { fake, post } = await setup();
    const first = await post({ content: "digest", nonce: "row-1", enforce_nonce: true });
    const again = await post({ content: "digest", nonce: "row-1", enforce_nonce: true });
    expect(again.id).toBe(first.id);
    expect(fake.messages(fake.ids.text)).toHaveLength(1);
  });

  it("posts twice without enforce_nonce, in another channel, or after the window", async () => {
    const { fake, post } = await setup({ nonceWindowMs: 50 });
    await post({ content: "a", nonce: "n1" });
    await post({ content: "a", nonce: "n1" });
    expect(fake.messages(fake.ids.text)).toHaveLength(2);
    await post({ content: "b", nonce: "n2", enforce_nonce: true });
    await post({ content: "b", nonce: "n2", enforce_nonce: true }, fake.ids.announcement);
    expect(fake.messages(fake.ids.announcement)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await post({ content: "b", nonce: "n2", enforce_nonce: true });
    expect(fake.messages(fake.ids.text)).toHaveLength(4);
  });

  it("keeps the message when a fault hits after commit, so a retry with the nonce finds it", async () => {
    const { fake, post } = await setup();
    fake.fail({
      route: "/channels/:channelId/messages",
      after: true,
      response: faults.serverError(502),
    });
    await expect(post({ content: "x", nonce: "r", enforce_nonce: true })).rejects.toMatchObject({
      status: 502,
    });
    expect(fake.messages(fake.ids.text)).toHaveLength(1);
    const retried = await post({ content: "x", nonce: "r", enforce_nonce: true });
    expect(retried.id).toBe(fake.messages(fake.ids.text)[0]?.id);
    expect(fake.messages(fake.ids.text)).toHaveLength(1);
  });
});

describe("fake Discord: faults", () => {
  it("answers a 429 with Discord's headers and body", async () => {
    const { fake } = await setup();
    fake.fail({
      route: "/channels/:channelId/messages",
      response: faults.rateLimited({ retryAfter: 1.5 }),
    });
    const res = await fetch(`${fake.apiRoot}/v10/channels/${fake.ids.text}/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${fake.token}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "x" }),
    });
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({
      message: "You are being rate limited.",
      retry_after: 1.5,
      global: false,
    });
    expect(
      Object.fromEntries([...res.headers].filter(([k]) => /retry|ratelimit/.test(k))),
    ).toMatchObject({
      "retry-after": "1.5",
      "x-ratelimit-limit": "5",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset-after": "1.5",
      "x-ratelimit-bucket": expect.any(String),
      "x-ratelimit-scope": "user",
      "x-ratelimit-reset": expect.stringMatching(/^\d+(\.\d+)?$/),
    });
  });

  it("fails only the matching channel, the given number of times", async () => {
    const { fake, post } = await setup();
    fake.fail({
      route: "/channels/:channelId/messages",
      params: { channelId: fake.ids.announcement },
      times: 2,
      response: faults.missingPermissions(),
    });
    await post({ content: "ok" });
    for (let i = 0; i < 2; i += 1) {
      await expect(post({ content: "x" }, fake.ids.announcement)).rejects.toMatchObject({
        status: 403,
        code: 50013,
      });
    }
    await post({ content: "now ok" }, fake.ids.announcement);
    expect(fake.messages(fake.ids.announcement)).toHaveLength(1);
  });

  it("lets discord.js wait out a 429 and retry on its own", async () => {
    const { fake, post } = await setup();
    fake.fail({
      route: "/channels/:channelId/messages",
      response: faults.rateLimited({ retryAfter: 0.2 }),
    });
    const started = Date.now();
    await post({ content: "x" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
  });
});
