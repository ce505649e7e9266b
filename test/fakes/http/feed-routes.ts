import { readFileSync } from "node:fs";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import type { Route } from "./fake-http-server.js";

const FIXTURES = new URL("../../fixtures/feeds/", import.meta.url);

export const fixture = (name: string): Buffer => readFileSync(new URL(name, FIXTURES));

const serve =
  (name: string, contentType: string): Route =>
  (_req, res) => {
    res.writeHead(200, { "content-type": contentType }).end(fixture(name));
  };

const compressed =
  (encode: (b: Buffer) => Buffer, encoding: string): Route =>
  (_req, res) => {
    res
      .writeHead(200, { "content-type": "application/rss+xml", "content-encoding": encoding })
      .end(encode(fixture("rss2.xml")));
  };

/** Last-Modified of the conditional feed; its ETag is "v1". */
export const CONDITIONAL_LAST_MODIFIED = "Mon, 09 Jun 2025 12:00:00 GMT";

const conditional: Route = (req, res) => {
  const etag = '"v1"';
  const since = req.headers["if-modified-since"];
  const notModified =
    req.headers["if-none-match"] === etag ||
    (since !== undefined && Date.parse(since) >= Date.parse(CONDITIONAL_LAST_MODIFIED));
  const headers = {
    etag,
    "last-modified": CONDITIONAL_LAST_MODIFIED,
    "cache-control": "max-age=1200",
  };
  if (notModified) {
    res.writeHead(304, headers).end();
    return;
  }
  res
    .writeHead(200, { ...headers, "content-type": "application/rss+xml" })
    .end(fixture("rss2.xml"));
};

let bomb: Buffer | undefined;
/** 64 MiB of zeros gzipped to about 64 KiB. */
const gzipBomb: Route = (_req, res) => {
  bomb ??= gzipSync(Buffer.alloc(64 * 1024 * 1024));
  res
    .writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" })
    .end(bomb);
};

/** Sends one byte every 100 ms and never finishes. */
const slowDrip: Route = (_req, res) => {
  res.writeHead(200, { "content-type": "application/rss+xml" });
  const timer = setInterval(() => res.write(" "), 100);
  res.on("close", () => clearInterval(timer));
};

const redirectChain: Route = (req, res, ctx) => {
  const n = Number(new URL(req.url ?? "/", ctx.origin).searchParams.get("n") ?? "0");
  const location = n <= 0 ? "/rss2.xml" : `/redirect?n=${n - 1}`;
  res.writeHead(302, { location }).end();
};

/** Every fixture feed and misbehaviour the source tests need, keyed by path. */
export function feedRoutes(): Record<string, Route> {
  return {
    "/rss2.xml": serve("rss2.xml", "application/rss+xml; charset=utf-8"),
    "/rss091.xml": serve("rss091.xml", "text/xml"),
    "/rdf.xml": serve("rdf.xml", "application/rdf+xml"),
    "/atom.xml": serve("atom.xml", "application/atom+xml"),
    "/feed.json": serve("feed.json", "application/feed+json"),
    "/broken.xml": serve("broken.xml", "application/rss+xml"),
    "/koi8r.xml": serve("koi8r.xml", "application/rss+xml"),
    "/cp1251.xml": serve("cp1251-header-only.xml", "text/xml; charset=windows-1251"),
    "/gbk.xml": serve("gbk.xml", "application/xml"),
    "/teaser.xml": serve("teaser.xml", "application/rss+xml"),
    "/articles/plan.html": serve("plan.html", "text/html; charset=utf-8"),
    "/page.html": serve("not-a-feed.html", "text/html"),
    "/gzip.xml": compressed(gzipSync, "gzip"),
    "/deflate.xml": compressed(deflateSync, "deflate"),
    "/deflate-raw.xml": compressed(deflateRawSync, "deflate"),
    "/br.xml": compressed(brotliCompressSync, "br"),
    "/conditional.xml": conditional,
    "/limited": (_req, res) => void res.writeHead(429, { "retry-after": "120" }).end("slow down"),
    "/unavailable": (_req, res) =>
      void res.writeHead(503, { "retry-after": "Wed, 11 Jun 2025 00:10:00 GMT" }).end(),
    "/redirect": redirectChain,
    "/redirect-private": (_req, res, ctx) =>
      void res.writeHead(301, { location: `http://127.0.0.2:${ctx.port}/rss2.xml` }).end(),
    "/redirect-ftp": (_req, res) =>
      void res.writeHead(302, { location: "ftp://files.example/x" }).end(),
    "/slow": slowDrip,
    "/bomb": gzipBomb,
    "/big": (_req, res) =>
      void res
        .writeHead(200, { "content-type": "text/plain" })
        .end(Buffer.alloc(2 * 1024 * 1024, 97)),
  };
}
