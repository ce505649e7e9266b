import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock.js";
import {
  createFeedFetcher,
  createHostLimiter,
  createHttpClient,
  FeedState,
  initialFeedState,
  isFeedDue,
  type FeedFetcherOptions,
} from "../../src/sources/index.js";
import {
  CONDITIONAL_LAST_MODIFIED,
  feedRoutes,
  startFakeHttpServer,
  type FakeHttpServer,
} from "../fakes/http/index.js";

const NOW = "2025-06-11T00:00:00.000Z";
const MIN = 5 * 60_000;
let server: FakeHttpServer;
beforeAll(async () => {
  server = await startFakeHttpServer(feedRoutes());
});
afterAll(() => server.close());

function setup(extra: Partial<FeedFetcherOptions> = {}) {
  const clock = fixedClock(NOW);
  const http = createHttpClient({ allowAddresses: ["127.0.0.1"], clock });
  const fetcher = createFeedFetcher({ http, clock, random: () => 0.5, ...extra });
  return { clock, http, fetcher };
}

const later = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

describe("createFeedFetcher", () => {
  it("parses a changed feed, remembers its validators and polls again after its max-age", async () => {
    const { http, fetcher } = setup();
    const { state, result } = await fetcher.fetch(
      initialFeedState(`${server.origin}/conditional.xml`),
    );
    await http.close();
    expect(result.kind).toBe("updated");
    expect(result.kind === "updated" && result.feed.items).toHaveLength(3);
    expect(FeedState.parse(state)).toEqual({
      url: `${server.origin}/conditional.xml`,
      etag: '"v1"',
      lastModified: CONDITIONAL_LAST_MODIFIED,
      nextPollAt: later(1200_000),
      lastPolledAt: NOW,
      lastSuccessAt: NOW,
      failingSince: null,
      failures: 0,
      lastError: null,
    });
  });

  it("sends a conditional GET and takes a 304 as not modified", async () => {
    const { http, fetcher } = setup();
    const first = await fetcher.fetch(initialFeedState(`${server.origin}/conditional.xml`));
    const second = await fetcher.fetch(first.state);
    await http.close();
    expect(second.result).toEqual({ kind: "not-modified" });
    const sent = server.requests.at(-1)!.headers;
    expect(sent["if-none-match"]).toBe('"v1"');
    expect(sent["if-modified-since"]).toBe(CONDITIONAL_LAST_MODIFIED);
    expect(second.state.etag).toBe('"v1"');
  });

  it("matches on Last-Modified alone", async () => {
    const { http, fetcher } = setup();
    const state = {
      ...initialFeedState(`${server.origin}/conditional.xml`),
      lastModified: CONDITIONAL_LAST_MODIFIED,
    };
    const { result } = await fetcher.fetch(state);
    await http.close();
    expect(result.kind).toBe("not-modified");
  });

  it("clamps a feed without cache headers to the poll bounds", async () => {
    const { http, fetcher } = setup({ pollMinMs: MIN, pollMaxMs: 60 * MIN });
    const { state } = await fetcher.fetch(initialFeedState(`${server.origin}/rss2.xml`));
    await http.close();
    expect(state.nextPollAt).toBe(later(MIN));
  });

  it("honours Retry-After on 429 and records the failure", async () => {
    const { http, fetcher } = setup({ pollMinMs: 60_000 });
    const { state, result } = await fetcher.fetch(initialFeedState(`${server.origin}/limited`));
    await http.close();
    expect(result.kind).toBe("failed");
    expect(state).toMatchObject({
      nextPollAt: later(120_000),
      failures: 1,
      failingSince: NOW,
      lastError: expect.stringMatching(/^http-status: .*HTTP 429/),
    });
  });

  it("honours a Retry-After date on 503", async () => {
    const { http, fetcher } = setup({ pollMinMs: 60_000 });
    const { state } = await fetcher.fetch(initialFeedState(`${server.origin}/unavailable`));
    await http.close();
    expect(state.nextPollAt).toBe(later(10 * 60_000));
  });

  it("backs off exponentially with jitter and keeps the first failure time", async () => {
    const { clock, http, fetcher } = setup({
      pollMinMs: MIN,
      pollMaxMs: 60 * MIN,
      random: () => 1,
    });
    let state = initialFeedState(`${server.origin}/missing.xml`);
    const waits: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      state = (await fetcher.fetch(state)).state;
      waits.push(Date.parse(state.nextPollAt!) - clock.now().getTime());
      clock.set(state.nextPollAt!);
    }
    await http.close();
    expect(waits).toEqual([MIN, 2 * MIN, 4 * MIN, 8 * MIN, 16 * MIN, 32 * MIN]);
    expect(state).toMatchObject({
      failures: 6,
      failingSince: NOW,
      lastError: expect.stringContaining("404"),
    });
  });

  it("clears the failure record on the next success", async () => {
    const { http, fetcher } = setup();
    const failing = {
      ...initialFeedState(`${server.origin}/atom.xml`),
      failures: 3,
      failingSince: NOW,
      lastError: "x",
    };
    const { state } = await fetcher.fetch(failing);
    await http.close();
    expect(state).toMatchObject({
      failures: 0,
      failingSince: null,
      lastError: null,
      lastSuccessAt: NOW,
    });
  });

  it("fails a page that is not a feed as 'not a feed'", async () => {
    const { http, fetcher } = setup();
    const { state, result } = await fetcher.fetch(initialFeedState(`${server.origin}/page.html`));
    await http.close();
    expect(result.kind === "failed" && result.error.code).toBe("not-a-feed");
    expect(state.lastError).toBe("not-a-feed: not a feed");
  });

  it("keeps the subscribed URL as the feed's identity after a redirect", async () => {
    const { http, fetcher } = setup();
    const url = `${server.origin}/redirect?n=1`;
    const { result } = await fetcher.fetch(initialFeedState(url));
    await http.close();
    expect(result.kind === "updated" && result.feed.url).toBe(url);
  });

  it("finds the linked pages of a teaser feed on the same server", async () => {
    const { http, fetcher } = setup();
    const { result } = await fetcher.fetch(initialFeedState(`${server.origin}/teaser.xml`));
    const item = result.kind === "updated" ? result.feed.items[0]! : undefined;
    expect(item?.isTeaser).toBe(true);
    const page = await http.get(item!.url!);
    await http.close();
    expect(page.ok && page.text()).toContain("It costs 90 million.");
  });

  it("says when a feed is due", () => {
    const state = { ...initialFeedState("https://x.example/"), nextPollAt: later(1000) };
    expect(isFeedDue(initialFeedState("https://x.example/"), new Date(NOW))).toBe(true);
    expect(isFeedDue(state, new Date(NOW))).toBe(false);
    expect(isFeedDue(state, new Date(later(1000)))).toBe(true);
  });
});

describe("per-host politeness through the fetcher", () => {
  it("keeps at most 2 requests in flight and spaces request starts per host", async () => {
    let active = 0;
    let peak = 0;
    const slow = await startFakeHttpServer({}, async (_req, res) => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 60));
      active -= 1;
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end('<rss version="2.0"><channel><title>t</title></channel></rss>');
    });
    const http = createHttpClient({ allowAddresses: ["127.0.0.1"] });
    // Grants are the limiter's promise; arrival times at a server on this busy loop carry noise.
    const starts: number[] = [];
    const clock = { now: () => new Date() };
    const limiter = createHostLimiter({
      clock,
      perHostConcurrency: 2,
      perHostIntervalMs: 40,
      onStart: (_host, at) => void starts.push(at),
    });
    const fetcher = createFeedFetcher({ http, clock, limiter });
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        fetcher.fetch(initialFeedState(`${slow.origin}/f${i}.xml`)),
      ),
    );
    await http.close();
    await slow.close();
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(slow.requests).toHaveLength(6);
    expect(peak).toBeLessThanOrEqual(2);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40);
  });
});
