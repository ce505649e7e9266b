import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createBotBackend,
  createDeliveryEngine,
  type DeliveryEngine,
} from "../../src/delivery/index.js";
import { fixedClock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/logger.js";
import { createMemoryStore, type Store } from "../../src/store/index.js";
import type { Json } from "../fakes/discord/fake-discord.js";
import type { OptionValue } from "../fakes/discord/fake-interactions.js";
import { makeCard } from "../fixtures/cards.js";
import { startBot, type Harness } from "./start-bot.js";

const NOW = new Date("2024-03-01T07:30:00Z");
const SLOT = new Date("2024-03-01T08:00:00Z");

let h: Harness;
let store: Store;
let clock: ReturnType<typeof fixedClock>;
let engine: DeliveryEngine | undefined;

beforeEach(async () => {
  store = createMemoryStore();
  clock = fixedClock(NOW);
  h = await startBot({ bot: { backend: createBotBackend({ store, clock }) } });
});
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  await h.close();
});

const titlesOf = (embeds: Json[]) =>
  embeds
    .map((e) => String(e.title ?? e.description))
    .join("\n")
    .match(/number \d+/g) ?? [];

/** Runs a command and returns what the caller sees: the edited reply, or the ephemeral error. */
async function run(name: string, options: Record<string, OptionValue> = {}) {
  const call = h.fake.runCommand({ name, options });
  const answer = await Promise.race([call.waitFor("edit"), call.waitFor("followup")]);
  return answer.body as Json;
}

async function subscribe(options: Record<string, OptionValue> = {}) {
  const body = await run("subscribe", { channel: h.fake.ids.text, cron: "0 8 * * *", ...options });
  expect(body.content).toMatch(/^Subscribed: /);
  return (await store.subscriptions.list()).at(-1)!;
}

async function deliverScheduled() {
  engine = createDeliveryEngine({
    store,
    channels: [h.bot.channel],
    clock,
    logger: silentLogger,
    onFatal: () => {},
  });
  const before = h.fake.messages(h.fake.ids.text).length;
  expect(await engine.enqueue((await store.subscriptions.list())[0]!, SLOT)).toMatchObject({
    status: "enqueued",
  });
  engine.start();
  await engine.whenIdle();
  return h.fake.messages(h.fake.ids.text).slice(before);
}

describe("discord /digest", () => {
  it("posts the next digest now, once a minute, and the scheduled one still comes complete", async () => {
    for (const i of [1, 2])
      await store.cards.upsert(makeCard(i), new Date(NOW.getTime() - i * 1000));
    await subscribe({ count: 2 });
    const early = await run("digest");
    expect(early.content).toBe(
      "**Your 08:00 digest, sent early** · Friday, 1 March 2024 · 2 stories\n-# The scheduled 08:00 digest still brings these stories.\n" +
        `-# Change it with /subscriptions · stop it with /unsubscribe id:${(await store.subscriptions.list())[0]!.id}`,
    );
    expect(titlesOf(early.embeds as Json[])).toEqual(["number 1", "number 2"]);

    const again = await run("digest");
    expect(again.content).toBe("⚠️ One digest a minute, please: try again in 60 s.");

    const [scheduled] = await deliverScheduled();
    expect(scheduled!.content).toMatch(
      /^\*\*Your 08:00 digest\*\* · Friday, 1 March 2024 · 2 stories/,
    );
    expect(titlesOf(scheduled!.embeds as Json[])).toEqual(["number 1", "number 2"]);
  });

  it("says so when this channel has no digest or the id is unknown", async () => {
    expect((await run("digest")).content).toBe(
      "⚠️ This channel has no digest yet. Set one up with /subscribe.",
    );
    expect((await run("digest", { id: "zzzzzz" })).content).toBe(
      '⚠️ No digest "zzzzzz" in this server. See /subscriptions.',
    );
  });
});

describe("discord formats and sources", () => {
  it("takes a format at /subscribe and changes it with /format", async () => {
    await store.cards.upsert(
      makeCard(1, { url: "https://news.example/(one)", publisher: "Example News" }),
      NOW,
    );
    const sub = await subscribe({ format: "brief" });
    expect(sub.format).toBe("brief");
    const [brief] = (await run("digest")).embeds as Json[];
    expect(brief).toMatchObject({
      url: "https://news.example/(one)",
      description: expect.stringMatching(/^Summary sentence 1/),
    });
    expect(String(brief!.description)).not.toContain("Fact one");

    const changed = await run("format", { id: sub.id, format: "headlines" });
    expect(changed.content).toMatch(
      new RegExp(`^Format changed: \\*\\*${sub.id}\\*\\* · .* · 5 cards · headlines$`),
    );
    clock.set(new Date(NOW.getTime() + 60_000));
    const headlines = (await run("digest")).embeds as Json[];
    expect(headlines).toEqual([
      expect.objectContaining({
        description:
          "• [Headline number 1 about the budget](https://news.example/%28one%29) — *Example News*",
      }),
    ]);
    const [scheduled] = await deliverScheduled();
    expect((scheduled!.embeds as Json[])[0]!.description).toBe(headlines[0]!.description);
  });

  it("limits a digest to some of the channel's sources and lists them", async () => {
    for (const url of ["https://a.example/rss", "https://b.example/feed"]) {
      await store.sources.add(
        { id: `feed:${url}`, url, kind: "feed", title: null, addedBy: null },
        NOW,
      );
    }
    await store.cards.upsert(makeCard(1, { sourceId: "feed:https://a.example/rss" }), NOW);
    await store.cards.upsert(makeCard(2, { sourceId: "feed:https://b.example/feed" }), NOW);
    await subscribe({ sources: "a.example" });
    expect(titlesOf((await run("digest")).embeds as Json[])).toEqual(["number 1"]);
    const list = await run("subscriptions");
    expect(String((list.embeds as Json[])[0]!.description)).toContain("5 cards · from a.example");
    const bad = await run("subscribe", {
      channel: h.fake.ids.text,
      cron: "0 9 * * *",
      sources: "9",
    });
    expect(bad.content).toBe('⚠️ no source "9" in this chat; use a number or host from /sources');
  });
});
