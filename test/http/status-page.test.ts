import { afterEach, describe, expect, it } from "vitest";
import { createMetrics, instrumentChannel } from "../../src/adapters/http/index.js";
import { DeliveryError, type DeliveryChannel } from "../../src/delivery/index.js";
import { createStoryQueries } from "../../src/queries/index.js";
import { fixedClock } from "../../src/lib/index.js";
import { initialSourceState } from "../../src/model/index.js";
import { createMemoryStore } from "../../src/store/index.js";
import { RENDERERS } from "./card-renderers.js";
import { makeCard } from "../fixtures/cards.js";
import { NOW, startServer } from "./http-kit.js";

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe("the status page", () => {
  it("shows a <script> in a card title as text", async () => {
    const store = createMemoryStore();
    const card = makeCard(1, {
      title: `<script>alert("x")</script> & more`,
      url: "javascript:alert(1)",
    });
    await store.cards.upsert(card, new Date(NOW));
    const server = await startServer({ store });
    stops.push(server.stop);

    const res = await fetch(server.url("/"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more");
    expect(html).not.toContain("javascript:");
  });

  it("lists the newest cards with facts and source sentences, subscriptions with their next run, and delivery counts", async () => {
    const store = createMemoryStore();
    await store.cards.upsert(makeCard(1), new Date(NOW));
    await store.cards.upsert(
      makeCard(2, { url: "https://news.example/a?b=1", publisher: "Example News" }),
      new Date(NOW),
    );
    await store.subscriptions.create(
      {
        target: { platform: "telegram", chatId: "-100123", threadId: null },
        cron: "0 8 * * *",
        timezone: "Asia/Almaty",
        createdBy: "42",
        include: ["budget"],
      },
      new Date(NOW),
    );
    const server = await startServer({ store });
    stops.push(server.stop);

    const html = await (await fetch(server.url("/"))).text();
    expect(html).toContain("Headline number 1 about the budget");
    expect(html).toContain("A total of 752 officers will be called up in card 2.");
    expect(html).toContain('<a href="https://news.example/a?b=1" rel="noreferrer">');
    expect(html).toContain("Example News");
    // 08:00 in Almaty (UTC+5) after 10:00 UTC is 03:00 UTC the next day.
    expect(html).toContain("2026-03-03T03:00:00.000Z");
    expect(html).toContain("+budget");
    expect(html).toMatch(/<th>pending<\/th>.*<th>total<\/th>/s);
    expect(html).toContain("2 cards stored");
  });
});

describe("the status page, completed", () => {
  it("shows each source's health, the newest stories, and each card as Telegram and Discord show it", async () => {
    const store = createMemoryStore();
    const at = new Date(NOW);
    await store.cards.upsert(makeCard(1, { title: "Storm <i>hits</i> the coast" }), at);
    await store.sources.add(
      {
        id: "feed:https://ok.example/rss",
        url: "https://ok.example/rss",
        kind: "feed",
        title: "Ok Wire",
        addedBy: null,
      },
      at,
    );
    await store.sources.saveState("feed:https://ok.example/rss", {
      ...initialSourceState("https://ok.example/rss"),
      lastSuccessAt: NOW,
      newestTitle: "Storm hits the coast",
      newestAt: NOW,
    });
    const failing = "feed:https://down.example/rss";
    await store.sources.add(
      {
        id: failing,
        url: "https://down.example/rss",
        kind: "feed",
        title: null,
        addedBy: { platform: "telegram", chatId: "-100" },
      },
      at,
    );
    await store.sources.saveState(failing, {
      ...initialSourceState("https://down.example/rss"),
      failingSince: "2026-03-01T09:00:00.000Z",
      failures: 4,
      lastError: "http-status: HTTP 503",
    });
    const server = await startServer({
      store,
      renderers: RENDERERS,
      stories: createStoryQueries({ store, clock: fixedClock(NOW) }),
    });
    stops.push(server.stop);

    const html = await (await fetch(server.url("/"))).text();
    expect(html).toContain("<h2>Sources (2)</h2>");
    expect(html).toMatch(/Ok Wire<\/a><\/td><td>operator<\/td><td><span class="good">ok<\/span>/);
    expect(html).toContain(
      '<span class="bad">failing since 2026-03-01T09:00:00.000Z (4×): http-status: HTTP 503</span>',
    );
    expect(html).toContain("telegram -100");
    expect(html).toMatch(
      /<h2>Newest stories<\/h2>\n<ol><li><a href="#card-[0-9a-f]+">Storm &lt;i&gt;hits&lt;\/i&gt; the coast<\/a>/,
    );
    expect(html).toContain('<div class="tg-msg"><b>Storm &lt;i&gt;hits&lt;/i&gt; the coast</b>');
    expect(html).toContain('<div class="dc-title">Storm &lt;i&gt;hits&lt;/i&gt; the coast</div>');
  });
});

describe("instrumentChannel", () => {
  it("counts sends by outcome and 429s apart, and rethrows every failure", async () => {
    const outcomes: Array<DeliveryError | undefined> = [
      undefined,
      new DeliveryError({ kind: "rate_limited", retryAfterMs: 1000 }, "429"),
      new DeliveryError({ kind: "ambiguous" }, "timeout"),
      new DeliveryError({ kind: "chat_gone", permanent: false }, "blocked"),
    ];
    const channel: DeliveryChannel = {
      platform: "discord",
      limits: { concurrency: 1 },
      idempotent: true,
      render: () => [],
      send: async () => {
        const next = outcomes.shift();
        if (next) throw next;
      },
    };
    const metrics = createMetrics({ processMetrics: false });
    const counted = instrumentChannel(channel, metrics);
    const target = { platform: "discord" as const, chatId: "1", threadId: null };
    await counted.send(target, {}, { nonce: "a" });
    for (let i = 0; i < 3; i++) {
      await expect(counted.send(target, {}, { nonce: "a" })).rejects.toBeInstanceOf(DeliveryError);
    }
    const text = await metrics.registry.metrics();
    expect(text).toContain('news_digest_sends_total{platform="discord",outcome="sent"} 1');
    expect(text).toContain('news_digest_sends_total{platform="discord",outcome="uncertain"} 1');
    expect(text).toContain('news_digest_sends_total{platform="discord",outcome="failed"} 1');
    expect(text).toContain('news_digest_rate_limited_total{platform="discord"} 1');
  });
});
