import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SourceKind } from "../../src/model/index.js";
import type { Store } from "../../src/store/index.js";
import { implementations, type StoreHandle } from "./store-kit.js";

// Part of the store contract: polling spread over processes (claims) and shared host politeness.
const T0 = new Date("2024-03-01T08:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const LEASE = 60_000;

describe.each(implementations)("%s store: source claims and host starts", (_name, open) => {
  let handle: StoreHandle;
  let store: Store;
  beforeEach(async () => {
    handle = await open();
    store = handle.store;
  });
  afterEach(async () => {
    await handle.close();
  });

  async function addSource(
    name: string,
    kind: SourceKind = "feed",
    nextPollAt: Date | null = null,
  ) {
    const url = `https://${name}.example/`;
    const { source } = await store.sources.add(
      { id: `${kind}:${url}`, url, kind, title: null, addedBy: null },
      T0,
    );
    if (nextPollAt !== null) {
      await store.sources.saveState(source.id, {
        ...source.state,
        nextPollAt: nextPollAt.toISOString(),
      });
    }
    return source.id;
  }
  const claim = (holder: string, now: Date, limit = 10) =>
    store.sources.claimDue({ holder, now, limit, leaseMs: LEASE });
  const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

  it("claims due feeds and pages, soonest due first, never folders, idle or later ones", async () => {
    const later = await addSource("later", "feed", at(50));
    const due5 = await addSource("due5", "feed", at(5));
    const fresh = await addSource("fresh", "page");
    const due1 = await addSource("due1", "feed", at(1));
    await addSource("folder", "dir");
    const off = await addSource("off", "feed");
    await store.sources.setActive(off, false);

    expect(ids(await claim("a", at(10), 2))).toEqual([fresh, due1]);
    expect(ids(await claim("a", at(10)))).toEqual([due5]);
    expect(await claim("a", at(10))).toEqual([]);
    expect(ids(await claim("b", at(50)))).toEqual([later]);
  });

  it("hands a claimed source to no one else until it is released or its claim expires", async () => {
    const one = await addSource("one");
    const two = await addSource("two");
    expect(ids(await claim("a", at(0)))).toEqual([one, two]);
    expect(await claim("b", at(1))).toEqual([]);
    expect(await store.sources.releaseClaim(one, "b")).toBe(false);
    expect(await store.sources.releaseClaim(one, "a")).toBe(true);
    expect(await store.sources.releaseClaim(one, "a")).toBe(false);
    expect(ids(await claim("b", at(2)))).toEqual([one]);
    // "a" died holding `two`: its claim comes back once the lease has run out.
    expect(await claim("c", at(59))).toEqual([]);
    expect(ids(await claim("c", at(60)))).toEqual([two]);
  });

  it("gives each due source to exactly one of many concurrent claimers", async () => {
    const all: string[] = [];
    for (let i = 0; i < 12; i++) all.push(await addSource(`s${i}`));
    const batches = await Promise.all(
      ["a", "b", "c", "d", "e", "f"].map((holder) => claim(holder, at(0), 3)),
    );
    const claimed = batches.flatMap(ids);
    expect(new Set(claimed).size).toBe(claimed.length);
    // SKIP LOCKED may leave a locked row to its claimer and hand out fewer: the rest stay due.
    const rest = ids(await claim("z", at(0), 20));
    expect([...claimed, ...rest].sort()).toEqual([...all].sort());
  });

  it("reserves request starts per host at least the interval apart", async () => {
    const reserve = (host: string, now: Date) =>
      store.sources.reserveHostStart(host, now, 1000).then((d) => d.toISOString());
    expect(await reserve("a.example", at(0))).toBe(at(0).toISOString());
    expect(await reserve("a.example", at(0))).toBe(at(1).toISOString());
    expect(await reserve("b.example", at(0))).toBe(at(0).toISOString());
    expect(await reserve("a.example", at(0.5))).toBe(at(2).toISOString());
    // After a quiet spell the next start is simply now.
    expect(await reserve("a.example", at(10.25))).toBe(at(10.25).toISOString());
  });

  it("never gives two concurrent reservations of one host the same start", async () => {
    const starts = await Promise.all(
      Array.from({ length: 8 }, () => store.sources.reserveHostStart("h.example", at(0), 1000)),
    );
    const sorted = starts.map((d) => d.getTime()).sort((x, y) => x - y);
    expect(sorted).toEqual(Array.from({ length: 8 }, (_, i) => at(i).getTime()));
  });
});
