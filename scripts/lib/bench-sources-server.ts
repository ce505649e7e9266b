import { startFakeHttpServer, type FakeHttpServer } from "../../test/fakes/http/index.js";
import { mulberry32 } from "./prng.js";

const WORDS =
  "council budget river bridge school harvest port cargo rail ticket mayor plan city district minister report growth percent million tenge week market office road water power".split(
    " ",
  );

function sentence(random: () => number, n: number): string {
  const words = Array.from({ length: 12 }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  return `The ${words.join(" ")} rose by ${n}% on Tuesday.`;
}

/** One RSS feed of `items` items; version v shifts the window so each bump brings `fresh` new items. */
export function feedXml(
  feed: number,
  version: number,
  items: number,
  fresh: number,
  host: string,
): string {
  const random = mulberry32(feed * 7919 + version);
  const first = version * fresh;
  const entries = Array.from({ length: items }, (_, i) => {
    const n = first + items - 1 - i;
    const paragraphs = Array.from(
      { length: 4 },
      (_, p) => `<p>${sentence(random, n + p)} ${sentence(random, p)}</p>`,
    );
    return `<item><title>Story ${n} of feed ${feed}</title><link>http://${host}/f${feed}/s${n}</link><guid>f${feed}-s${n}</guid><pubDate>Tue, 10 Jun 2025 ${String(n % 24).padStart(2, "0")}:00:00 GMT</pubDate><description><![CDATA[${paragraphs.join("")}]]></description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${feed}</title><link>http://${host}/</link>${entries.join("")}</channel></rss>`;
}

/**
 * A local server of feeds at `/f<N>.xml` answering 304 to a matching If-None-Match, with control
 * routes `/__bump?feed=N` (next 200 brings new items) and `/__stats` (arrivals per host, peak in flight).
 */
export async function startBenchFeedServer(
  items: number,
  fresh: number,
  /** A loopback address other than 127.0.0.1: one more host name for real processes. */
  address?: string,
): Promise<FakeHttpServer> {
  const versions = new Map<number, number>();
  const cache = new Map<string, Buffer>();
  const active = new Map<string, number>();
  let peak = 0;
  const server: FakeHttpServer = await startFakeHttpServer(
    {
      "/__bump": (req, res) => {
        const feed = Number(new URL(req.url ?? "/", "http://x").searchParams.get("feed"));
        versions.set(feed, (versions.get(feed) ?? 0) + 1);
        res.end("ok");
      },
      "/__stats": (_req, res) => {
        const arrivals = server.requests
          .filter((r) => !r.path.startsWith("/__"))
          .map(({ host, at }) => ({ host, at }));
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ peakInFlight: peak, arrivals }));
      },
    },
    (req, res) => {
      const host = (req.headers.host ?? "").replace(/:\d+$/, "");
      const match = /^\/f(\d+)\.xml$/.exec(req.url ?? "");
      if (!match) return void res.writeHead(404).end();
      const feed = Number(match[1]);
      const version = versions.get(feed) ?? 0;
      const etag = `"${feed}-${version}"`;
      const inFlight = (active.get(host) ?? 0) + 1;
      active.set(host, inFlight);
      peak = Math.max(peak, inFlight);
      res.on("close", () => active.set(host, (active.get(host) ?? 1) - 1));
      if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { etag }).end();
      const key = `${feed}:${version}`;
      let body = cache.get(key);
      if (!body) {
        body = Buffer.from(feedXml(feed, version, items, fresh, host));
        cache.set(key, body);
      }
      res.writeHead(200, { etag, "content-type": "application/rss+xml; charset=utf-8" }).end(body);
    },
    address ? { host: address } : {},
  );
  return server;
}
