import { MessageFlags } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { PERMISSIONS, type Json } from "../fakes/discord/fake-discord.js";
import type { CommandInput } from "../fakes/discord/fake-interactions.js";
import { sampleCards } from "../fixtures/cards.js";
import { bigCard } from "./big-cards.js";
import { startBot, type Harness } from "./start-bot.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const embedsOf = (body: unknown) => ((body as Json).embeds ?? []) as Json[];
const titles = (body: unknown) => embedsOf(body).map((e) => e.title);

describe("discord slash commands, end to end", () => {
  it("registers every command in the configured guild at start", async () => {
    h = await startBot();
    const put = h.fake.requests.find((r) => r.method === "PUT");
    expect(put?.path).toBe(
      `/applications/${h.fake.applicationId}/guilds/${h.fake.ids.guild}/commands`,
    );
    expect(put?.status).toBe(200);
    const names = (put?.body as Json[]).map((c) => c.name);
    expect(names).toEqual([
      "latest",
      "card",
      "source",
      "search",
      "subscribe",
      "digest",
      "format",
      "unsubscribe",
      "subscriptions",
      "help",
      "settings",
      "sources",
      "addsource",
      "removesource",
    ]);
    const subscribe = (put?.body as Json[]).find((c) => c.name === "subscribe");
    expect(subscribe?.default_member_permissions).toBe(String(PERMISSIONS.moderator & 16n));
  });

  it("/latest defers at once, then edits in 3 cards with ◀ ▶ buttons", async () => {
    h = await startBot();
    const call = h.fake.runCommand({ name: "latest" });
    const edit = await call.waitFor("edit");
    const [first, second] = call.requests();
    expect(first?.route).toBe("/interactions/:interactionId/:token/callback");
    expect(first?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(second).toBe(edit);
    expect(edit.url).toContain("/messages/%40original");
    expect(edit.status).toBe(200);
    expect(titles(edit.body)).toEqual(sampleCards.slice(0, 3).map((c) => c.title));
    expect((edit.body as Json).content).toBe("Latest 1–3 of 12");
    expect((edit.body as Json).allowed_mentions).toEqual({ parse: [] });
    const buttons = ((edit.body as Json).components as Json[])[0]?.components as Json[];
    expect(buttons.map((b) => [b.label, b.custom_id, b.disabled])).toEqual([
      ["◀", "latest:0:3", true],
      ["▶", "latest:3:3", false],
    ]);
  });

  it("acknowledges every command with a deferred reply before doing anything else", async () => {
    h = await startBot();
    const runs: CommandInput[] = [
      { name: "latest" },
      { name: "card", options: { id: sampleCards[0]!.id } },
      { name: "source", options: { id: sampleCards[0]!.id } },
      { name: "search", options: { query: "budget" } },
      { name: "subscriptions" },
      { name: "unsubscribe" },
      { name: "help" },
    ];
    for (const run of runs) {
      const call = h.fake.runCommand(run);
      await call.waitFor("edit");
      const [first, ...rest] = call.requests();
      expect(first?.body, run.name).toMatchObject({ type: 5 });
      expect(first!.at, run.name).toBeLessThanOrEqual(Math.min(...rest.map((r) => r.at)));
    }
  });

  it("/latest shows fewer cards on a page when the requested count would pass 6000 characters", async () => {
    h = await startBot({ cards: Array.from({ length: 12 }, (_, i) => bigCard(i + 1)) });
    const call = h.fake.runCommand({ name: "latest", options: { count: 10 } });
    const edit = await call.waitFor("edit");
    expect(edit.status).toBe(200);
    expect((edit.body as Json).content).toBe("Latest 1–5 of 12");
    const buttons = ((edit.body as Json).components as Json[])[0]?.components as Json[];
    expect(buttons.map((b) => b.custom_id)).toEqual(["latest:0:10", "latest:5:10"]);
  });

  it("pages with ▶ and ◀: deferUpdate, then the same message is edited", async () => {
    h = await startBot();
    const call = h.fake.runCommand({ name: "latest", options: { count: 5 } });
    await call.waitFor("edit");
    const message = call.original();
    expect(message).toBeDefined();

    const next = h.fake.clickButton({
      messageId: message!.id,
      customId: "latest:5:5",
      userId: h.fake.ids.reader,
    });
    const edit = await next.waitFor("edit");
    expect(next.requests()[0]?.body).toEqual({ type: 6 });
    expect(titles(edit.body)).toEqual(sampleCards.slice(5, 10).map((c) => c.title));
    expect(h.fake.messages(h.fake.ids.text).find((m) => m.id === message!.id)?.content).toBe(
      "Latest 6–10 of 12",
    );

    const last = h.fake.clickButton({ messageId: message!.id, customId: "latest:10:5" });
    const lastEdit = await last.waitFor("edit");
    expect(titles(lastEdit.body)).toEqual(sampleCards.slice(10).map((c) => c.title));
    const buttons = ((lastEdit.body as Json).components as Json[])[0]?.components as Json[];
    expect(buttons.map((b) => [b.custom_id, b.disabled])).toEqual([
      ["latest:5:5", false],
      ["latest:12:5", true],
    ]);
  });

  it("/card shows one card; an unknown id answers only the caller", async () => {
    h = await startBot();
    const found = h.fake.runCommand({ name: "card", options: { id: sampleCards[1]!.id } });
    expect(titles((await found.waitFor("edit")).body)).toEqual([sampleCards[1]!.title]);

    const missing = h.fake.runCommand({ name: "card", options: { id: "ffff0000" } });
    const followUp = await missing.waitFor("followup");
    expect(missing.requests().map((r) => r.method)).toEqual(["POST", "DELETE", "POST"]);
    expect(followUp.body).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringContaining("ffff0000"),
    });
  });

  it("/source lists each fact with the sentence it came from", async () => {
    h = await startBot();
    const card = sampleCards[0]!;
    const call = h.fake.runCommand({ name: "source", options: { id: card.id } });
    const [embed] = embedsOf((await call.waitFor("edit")).body);
    expect(embed?.description).toContain("From **article-1.txt**");
    for (const fact of card.facts) expect(embed?.description).toContain(`> ${fact.sentence}`);
  });

  it("/search finds cards by whole words, says how many matched and when nothing matches", async () => {
    h = await startBot();
    const hit = h.fake.runCommand({ name: "search", options: { query: '"card 7" officers' } });
    const edit = await hit.waitFor("edit");
    expect(titles(edit.body)).toEqual([sampleCards[6]!.title]);
    expect((edit.body as Json).content).toBe('1 card matches ""card 7" officers": 1–1');

    const miss = h.fake.runCommand({ name: "search", options: { query: "volcano" } });
    expect(((await miss.waitFor("edit")).body as Json).content).toBe('No cards match "volcano".');
  });

  it("/search pages through many long matches with ◀ ▶ instead of breaking the 6000 limit", async () => {
    h = await startBot({ cards: Array.from({ length: 8 }, (_, i) => bigCard(i + 1)) });
    const call = h.fake.runCommand({ name: "search", options: { query: "budget" } });
    const edit = await call.waitFor("edit");
    expect(edit.status).toBe(200);
    const shown = titles(edit.body).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(8);
    expect((edit.body as Json).content).toBe(`8 cards match "budget": 1–${shown}`);
    const buttons = ((edit.body as Json).components as Json[])[0]?.components as Json[];
    expect(buttons.map((b) => [b.custom_id, b.disabled])).toEqual([
      ["search:0:5:budget", true],
      [`search:${shown}:5:budget`, false],
    ]);
  });

  it("/help explains the commands", async () => {
    h = await startBot();
    const call = h.fake.runCommand({ name: "help" });
    const [embed] = embedsOf((await call.waitFor("edit")).body);
    expect(embed?.description).toContain("/subscribe channel cron");
  });

  it("autocompletes card ids from the backend's suggestions", async () => {
    h = await startBot();
    const choices = await h.fake.autocomplete({
      name: "card",
      focused: "id",
      options: { id: "number 1" },
    });
    expect(choices.map((c) => c.value)).toEqual([
      "abc000000001",
      "abc00000000a",
      "abc00000000b",
      "abc00000000c",
    ]);
    expect(choices[0]?.name).toBe("abc000000001 · Headline number 1 about the budget");
  });

  it("answers the user and keeps going when the backend throws", async () => {
    h = await startBot();
    h.backend.latest = () => {
      throw new Error("database is locked");
    };
    const broken = h.fake.runCommand({ name: "latest" });
    const followUp = await broken.waitFor("followup");
    expect(followUp.body).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringContaining("went wrong"),
    });
    expect(h.logs.some((l) => l.includes("database is locked"))).toBe(true);

    const fine = h.fake.runCommand({ name: "help" });
    expect((await fine.waitFor("edit")).status).toBe(200);
  });
});
