import { afterEach, describe, expect, it } from "vitest";
import { createMetrics, instrumentChannel } from "../../src/adapters/http/index.js";
import { DeliveryError, type DeliveryChannel } from "../../src/delivery/index.js";
import { createMemoryStore } from "../../src/store/index.js";
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
