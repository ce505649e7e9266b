import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PERMISSIONS, type Json } from "../fakes/discord/fake-discord.js";
import { startIngestKit, type IngestKit } from "../pipeline/ingest-kit.js";
import { startBot, type Harness } from "./start-bot.js";

let kit: IngestKit;
let h: Harness | undefined;
beforeEach(async () => {
  kit = await startIngestKit();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  await kit.close();
});

const contentOf = async (call: { waitFor(kind: "edit"): Promise<{ body: unknown }> }) =>
  String(((await call.waitFor("edit")).body as Json).content ?? "");

describe("discord source commands, end to end", () => {
  it("/addsource, /sources and /removesource manage this channel's sources", async () => {
    h = await startBot({ bot: { backend: kit.backend } });
    const added = await contentOf(
      h.fake.runCommand({ name: "addsource", options: { url: kit.homeUrl } }),
    );
    expect(added).toContain("Added: 1. **City Wire** (feed) — ok, newest:");
    const chat = { platform: "discord" as const, chatId: h.fake.ids.text };
    expect((await kit.store.sources.forChat(chat)).map((s) => s.url)).toEqual([kit.feedUrl]);

    const list = await contentOf(h.fake.runCommand({ name: "sources" }));
    expect(list).toContain("**This channel's sources**");
    expect(list).toContain(`<${kit.feedUrl}>`);

    const removed = await contentOf(
      h.fake.runCommand({ name: "removesource", options: { source: kit.feedUrl } }),
    );
    expect(removed).toBe("Removed: **City Wire**");
    expect(await kit.store.sources.forChat(chat)).toEqual([]);
  });

  it("refuses a private address with no request, and members without Manage Channels", async () => {
    h = await startBot({ bot: { backend: kit.backend } });
    const hostile = await contentOf(
      h.fake.runCommand({ name: "addsource", options: { url: kit.hostileUrl } }),
    );
    expect(hostile).toContain("private or local network");
    const member = await contentOf(
      h.fake.runCommand({
        name: "addsource",
        options: { url: kit.feedUrl },
        userId: h.fake.ids.reader,
        permissions: PERMISSIONS.everyone,
      }),
    );
    expect(member).toContain("Manage Channels");
    expect(kit.server.requests).toHaveLength(0);
    expect(await kit.store.sources.list()).toEqual([]);
  });
});
