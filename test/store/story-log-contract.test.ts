import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewStoryLogEntry, Store } from "../../src/store/index.js";
import { implementations, type StoreHandle } from "./store-kit.js";

const T0 = new Date("2024-03-01T08:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const chat = (chatId: string, threadId: string | null = null) => ({
  platform: "telegram" as const,
  chatId,
  threadId,
});

const entry = (storyKey: string, overrides: Partial<NewStoryLogEntry> = {}): NewStoryLogEntry => ({
  storyKey,
  fingerprint: "aaaa0001",
  cardIds: [`${storyKey}-c1`],
  subscriptionId: "sub1",
  slot: T0.toISOString(),
  position: 0,
  rowId: "sub1.x.0",
  messageId: null,
  ...overrides,
});

describe.each(implementations)("%s story log", (_name, open) => {
  let handle: StoreHandle;
  let store: Store;
  beforeEach(async () => {
    handle = await open();
    store = handle.store;
  });
  afterEach(async () => {
    await handle.close();
  });

  it("remembers which stories a chat was sent, newest first, per chat and thread", async () => {
    await store.storyLog.record(chat("c1"), [entry("s1"), entry("s2", { position: 1 })], at(0));
    await store.storyLog.record(chat("c1"), [entry("s3", { cardIds: ["a", "b"] })], at(1));
    await store.storyLog.record(chat("c1", "7"), [entry("s9")], at(2));
    const recent = await store.storyLog.recent(chat("c1"), 10);
    expect(recent.map((e) => e.storyKey)).toEqual(["s3", "s1", "s2"]);
    expect(recent[0]).toEqual({
      ...entry("s3", { cardIds: ["a", "b"] }),
      updatedAt: at(1).toISOString(),
    });
    expect((await store.storyLog.recent(chat("c1"), 2)).map((e) => e.storyKey)).toEqual([
      "s3",
      "s1",
    ]);
    expect((await store.storyLog.recent(chat("c1", "7"), 10)).map((e) => e.storyKey)).toEqual([
      "s9",
    ]);
    expect(await store.storyLog.recent(chat("c2"), 10)).toEqual([]);
  });

  it("replaces a story's entry by its key when it is shown again (updated)", async () => {
    await store.storyLog.record(chat("c1"), [entry("s1", { messageId: "41" })], at(0));
    const again = entry("s1", {
      fingerprint: "bbbb0002",
      cardIds: ["s1-c1", "s1-c2"],
      slot: at(60).toISOString(),
      rowId: "sub1.y.0",
    });
    await store.storyLog.record(chat("c1"), [again], at(60));
    expect(await store.storyLog.recent(chat("c1"), 10)).toEqual([
      { ...again, updatedAt: at(60).toISOString() },
    ]);
  });

  it("attaches the platform message id to every story its message part carried", async () => {
    await store.storyLog.record(
      chat("c1"),
      [entry("s1"), entry("s2", { position: 1 }), entry("s3", { rowId: "sub1.x.1" })],
      at(0),
    );
    await store.storyLog.record(chat("c2"), [entry("s1")], at(0));
    expect(await store.storyLog.attachMessage(chat("c1"), "sub1.x.0", "501")).toBe(2);
    const byKey = new Map(
      (await store.storyLog.recent(chat("c1"), 10)).map((e) => [e.storyKey, e.messageId]),
    );
    expect(byKey).toEqual(
      new Map([
        ["s1", "501"],
        ["s2", "501"],
        ["s3", null],
      ]),
    );
    expect((await store.storyLog.recent(chat("c2"), 10))[0]!.messageId).toBeNull();
  });

  it("keeps a recorded story when the transaction that recorded it commits, drops it on rollback", async () => {
    await store.storyLog.record(chat("c1"), [entry("kept")], at(0));
    await expect(
      store.transaction(async (tx) => {
        await tx.storyLog.record(chat("c1"), [entry("lost")], at(1));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const keys = (await store.storyLog.recent(chat("c1"), 10)).map((e) => e.storyKey);
    expect(keys).toContain("kept");
    if (store.kind !== "memory") expect(keys).not.toContain("lost");
  });
});
