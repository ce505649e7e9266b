import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startIngestKit, type IngestKit } from "../pipeline/ingest-kit.js";
import { alice, bob, startHarness, type Harness } from "./harness.js";

const GROUP = -100200;
let kit: IngestKit;
let h: Harness;
beforeEach(async () => {
  kit = await startIngestKit();
  h = await startHarness({ backend: kit.backend });
  h.tg.addChat({
    id: GROUP,
    type: "supergroup",
    title: "Readers",
    members: [
      { user: alice, status: "administrator" },
      { user: bob, status: "member" },
    ],
  });
});
afterEach(async () => {
  await h.close();
  await kit.close();
});

describe("telegram source commands, end to end", () => {
  it("adds a site by its feed link, lists it with its state, and removes it", async () => {
    const [added] = await h.ask(alice.id, alice, `/addsource ${kit.homeUrl}`);
    expect(added!.text).toContain(
      `Added: 1. City Wire (feed) — ok, newest: "Council approves plan`,
    );
    expect(added!.text).toContain(kit.feedUrl);
    const chat = { platform: "telegram" as const, chatId: String(alice.id) };
    expect((await kit.store.sources.forChat(chat)).map((s) => s.id)).toEqual([
      `feed:${kit.feedUrl}`,
    ]);
    expect(await kit.store.cards.count()).toBe(2);

    const [list] = await h.ask(alice.id, alice, "/sources");
    expect(list!.text).toMatch(/^This chat's sources\n\n1\. City Wire \(feed\) — ok, newest/);

    const [removed] = await h.ask(alice.id, alice, "/removesource 1");
    expect(removed!.text).toBe("Removed: City Wire");
    expect(await kit.store.sources.list()).toEqual([]);
    const [empty] = await h.ask(alice.id, alice, "/sources");
    expect(empty!.text).toBe("No sources yet. Add one with /addsource URL");
  });

  it("refuses a URL on a private network without making any request", async () => {
    const before = kit.server.requests.length;
    const [reply] = await h.ask(alice.id, alice, `/addsource ${kit.hostileUrl}`);
    expect(reply!.text).toBe(
      "Can't add that source: that address is on a private or local network, which I never fetch.",
    );
    const [literal] = await h.ask(alice.id, alice, "/addsource http://10.1.2.3/rss");
    expect(literal!.text).toContain("private or local network");
    expect(kit.server.requests.length).toBe(before);
    expect(await kit.store.sources.list()).toEqual([]);
  });

  it("lets only group admins change a group's sources", async () => {
    const [refused] = await h.ask(GROUP, bob, `/addsource ${kit.feedUrl}`);
    expect(refused!.text).toBe("Only admins of this group can manage its subscriptions.");
    expect(kit.server.requests).toHaveLength(0);
    const [ok] = await h.ask(GROUP, alice, `/addsource ${kit.feedUrl}`);
    expect(ok!.text).toContain("Added: 1. City Wire");
    const [list] = await h.ask(GROUP, bob, "/sources");
    expect(list!.text).toContain("1. City Wire (feed)");
  });
});
