import { afterEach, describe, expect, it } from "vitest";
import {
  DeliveryError,
  type DeliveryFailure,
  type MessagePart,
} from "../../src/delivery/channel.js";
import type { DeliveryTarget } from "../../src/model/subscription.js";
import {
  createFakeDiscord,
  faults,
  type Json,
  type RecordedRequest,
} from "../fakes/discord/fake-discord.js";
import { makeCard } from "../fixtures/cards.js";
import { bigCard } from "./big-cards.js";
import { startBot, type Harness } from "./start-bot.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MESSAGES = "/channels/:channelId/messages";
const target = (chatId: string, threadId: string | null = null): DeliveryTarget => ({
  platform: "discord",
  chatId,
  threadId,
});

async function failureOf(promise: Promise<unknown>): Promise<DeliveryFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return (error as DeliveryError).failure;
}

const posts = (h: Harness, channelId: string): RecordedRequest[] =>
  h.fake.requests.filter(
    (r) => r.route === MESSAGES && r.method === "POST" && r.params.channelId === channelId,
  );

describe("discord delivery channel", () => {
  it("works without the gateway and posts with nonce, enforce_nonce and no pings", async () => {
    h = await startBot({ start: false });
    const { channel } = h.bot;
    expect([channel.platform, channel.idempotent, channel.limits.concurrency]).toEqual([
      "discord",
      true,
      8,
    ]);
    const card = makeCard(1, {
      title: "Rally called by @everyone",
      summary: "Ping @here and <@&1100000000000000300>.",
    });
    const [part] = channel.render([card], {});
    await channel.send(target(h.fake.ids.text), part!, { nonce: "row-1" });

    expect(h.fake.gateway.sessionCount()).toBe(0);
    const [request] = posts(h, h.fake.ids.text);
    expect(request?.headers.authorization).toBe(`Bot ${h.fake.token}`);
    expect(request?.body).toMatchObject({
      nonce: "row-1",
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
    expect(JSON.stringify(request?.body)).toContain("@everyone");
    expect(h.fake.messages(h.fake.ids.text)).toHaveLength(1);
  });

  it("posts into a thread when the target names one", async () => {
    h = await startBot({ start: false });
    const [part] = h.bot.channel.render([makeCard(1)], {});
    await h.bot.channel.send(target(h.fake.ids.thread), part!, { nonce: "t-1" });
    await h.bot.channel.send(target(h.fake.ids.text, h.fake.ids.thread), part!, { nonce: "t-2" });
    expect(h.fake.messages(h.fake.ids.thread)).toHaveLength(2);
    expect(h.fake.messages(h.fake.ids.text)).toHaveLength(0);
  });

  it("delivers a digest past 6000 characters as several accepted messages, each card whole", async () => {
    h = await startBot({ start: false });
    const cards = Array.from({ length: 12 }, (_, i) => bigCard(i + 1));
    const parts = h.bot.channel.render(cards, {});
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      await h.bot.channel.send(target(h.fake.ids.announcement), part, { nonce: `big-${i}` });
    }
    expect(posts(h, h.fake.ids.announcement).map((r) => r.status)).toEqual(parts.map(() => 200));
    const footers = h.fake
      .messages(h.fake.ids.announcement)
      .flatMap((m) => m.embeds.map((e) => (e.footer as Json).text));
    expect(footers).toEqual(cards.map((c) => `${c.source} · ${c.id}`));
  });

  it("waits out a 429 in the middle of a digest and delivers every part exactly once", async () => {
    h = await startBot({ start: false });
    const parts = h.bot.channel.render(
      Array.from({ length: 12 }, (_, i) => bigCard(i + 1)),
      {},
    );
    const send = (i: number) =>
      h!.bot.channel.send(target(h!.fake.ids.text), parts[i]!, { nonce: `d1-${i}` });
    await send(0);
    h.fake.fail({
      method: "POST",
      route: MESSAGES,
      response: faults.rateLimited({ retryAfter: 0.3 }),
    });
    const started = Date.now();
    await send(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    for (let i = 2; i < parts.length; i += 1) await send(i);

    const statuses = posts(h, h.fake.ids.text).map((r) => r.status);
    expect(statuses).toEqual([200, 429, ...parts.slice(1).map(() => 200)]);
    expect(h.fake.messages(h.fake.ids.text).map((m) => m.nonce)).toEqual(
      parts.map((_, i) => `d1-${i}`),
    );
  });

  it("gives a long rate limit back to the ledger as rate_limited instead of blocking", async () => {
    h = await startBot({ start: false });
    h.fake.fail({
      method: "POST",
      route: MESSAGES,
      response: faults.rateLimited({ retryAfter: 60 }),
    });
    const started = Date.now();
    const failure = await failureOf(
      h.bot.channel.send(target(h.fake.ids.text), { content: "hi" }, { nonce: "n" }),
    );
    expect(failure.kind).toBe("rate_limited");
    expect((failure as { retryAfterMs: number }).retryAfterMs).toBeGreaterThanOrEqual(60_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ["Missing Access (50001)", faults.missingAccess(), { kind: "chat_gone", permanent: false }],
    [
      "Missing Permissions (50013)",
      faults.missingPermissions(),
      { kind: "chat_gone", permanent: false },
    ],
    ["Unknown Channel (10003)", faults.unknownChannel(), { kind: "chat_gone", permanent: true }],
    ["401", faults.unauthorized(), { kind: "unauthorized" }],
  ])("maps %s", async (_name, response, expected) => {
    h = await startBot({ start: false });
    h.fake.fail({ method: "POST", route: MESSAGES, response });
    const failure = await failureOf(
      h.bot.channel.send(target(h.fake.ids.text), { content: "x" }, { nonce: "n" }),
    );
    expect(failure).toEqual(expected);
  });

  it("maps a deleted channel to permanent chat_gone and an oversized payload to bad_payload", async () => {
    h = await startBot({ start: false });
    h.fake.deleteChannel(h.fake.ids.announcement);
    const gone = h.bot.channel.send(
      target(h.fake.ids.announcement),
      { content: "x" },
      { nonce: "a" },
    );
    expect(await failureOf(gone)).toEqual({ kind: "chat_gone", permanent: true });
    const tooLong: MessagePart = { content: "x".repeat(2001) };
    expect(
      await failureOf(h.bot.channel.send(target(h.fake.ids.text), tooLong, { nonce: "b" })),
    ).toEqual({
      kind: "bad_payload",
    });
  });

  it("does not post twice when a lost response is retried with the same nonce", async () => {
    h = await startBot({ start: false });
    const part = h.bot.channel.render([makeCard(1)], {})[0]!;
    // Discord stores the message, then the connection drops: the sender cannot know.
    h.fake.fail({ method: "POST", route: MESSAGES, after: true, hangUp: true });
    const first = await failureOf(
      h.bot.channel.send(target(h.fake.ids.text), part, { nonce: "row-7" }),
    );
    expect(first).toEqual({ kind: "ambiguous" });
    await h.bot.channel.send(target(h.fake.ids.text), part, { nonce: "row-7" });
    expect(posts(h, h.fake.ids.text)).toHaveLength(2);
    expect(h.fake.messages(h.fake.ids.text)).toHaveLength(1);
  });

  it("lets discord.js retry a 5xx once; the repeated nonce keeps it to one message", async () => {
    h = await startBot({ start: false });
    h.fake.fail({
      method: "POST",
      route: MESSAGES,
      after: true,
      response: faults.serverError(502),
    });
    await h.bot.channel.send(target(h.fake.ids.text), { content: "once" }, { nonce: "row-8" });
    expect(posts(h, h.fake.ids.text).map((r) => r.status)).toEqual([502, 200]);
    expect(h.fake.messages(h.fake.ids.text)).toHaveLength(1);

    h.fake.fail({ method: "POST", route: MESSAGES, times: 2, response: faults.serverError(500) });
    const failure = await failureOf(
      h.bot.channel.send(target(h.fake.ids.text), { content: "x" }, { nonce: "row-9" }),
    );
    expect(failure).toEqual({ kind: "ambiguous" });
  });

  it("hashes a nonce longer than Discord's 25 characters, the same way every time", async () => {
    h = await startBot({ start: false });
    const nonce = "delivery-row-000000000000000042";
    await h.bot.channel.send(target(h.fake.ids.text), { content: "a" }, { nonce });
    await h.bot.channel.send(target(h.fake.ids.text), { content: "a" }, { nonce });
    const sent = posts(h, h.fake.ids.text).map((r) => (r.body as Json).nonce as string);
    expect(sent[0]).toHaveLength(25);
    expect(sent[1]).toBe(sent[0]);
    expect(h.fake.messages(h.fake.ids.text)).toHaveLength(1);
  });

  it("maps a request timeout to ambiguous", async () => {
    h = await startBot({ start: false, bot: { restTimeoutMs: 100, restRetries: 0 } });
    h.fake.fail({ method: "POST", route: MESSAGES, delayMs: 400 });
    const failure = await failureOf(
      h.bot.channel.send(target(h.fake.ids.text), { content: "x" }, { nonce: "n" }),
    );
    expect(failure).toEqual({ kind: "ambiguous" });
  });

  it("maps connection refused to not_sent, with no token in the error", async () => {
    const closed = await createFakeDiscord();
    await closed.close();
    h = await startBot({ start: false, bot: { apiRoot: closed.apiRoot } });
    const error = await h.bot.channel
      .send(target("1"), { content: "x" }, { nonce: "n" })
      .catch((e: unknown) => e);
    expect((error as DeliveryError).failure).toEqual({ kind: "not_sent" });
    expect(String((error as Error).message)).not.toContain(h.fake.token);
  });

  it("posts notices best effort and never throws", async () => {
    h = await startBot({ start: false });
    await h.bot.channel.notice?.(target(h.fake.ids.text), "Your digest was turned off @everyone");
    expect(posts(h, h.fake.ids.text)[0]?.body).toMatchObject({ allowed_mentions: { parse: [] } });
    h.fake.fail({ method: "POST", route: MESSAGES, response: faults.missingAccess() });
    await expect(h.bot.channel.notice?.(target(h.fake.ids.text), "x")).resolves.toBeUndefined();
    expect(h.logs.join("\n")).not.toContain(h.fake.token);
  });
});
