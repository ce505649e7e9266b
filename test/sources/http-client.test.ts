import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, createStaticLookup, type HttpResult } from "../../src/sources/index.js";
import { feedRoutes, startFakeHttpServer, type FakeHttpServer } from "../fakes/http/index.js";

let server: FakeHttpServer;
beforeAll(async () => {
  server = await startFakeHttpServer(feedRoutes());
});
afterAll(() => server.close());

// The test server is exempt by address; 127.0.0.2 stands in for every other private address.
const client = (extra: Parameters<typeof createHttpClient>[0] = {}) =>
  createHttpClient({ allowAddresses: ["127.0.0.1"], ...extra });

function errorCode(result: HttpResult): string | undefined {
  return result.ok ? undefined : result.error.code;
}

describe("createHttpClient", () => {
  it("fetches a feed and sends the bot's User-Agent and accepted encodings", async () => {
    const http = client();
    const result = await http.get(`${server.origin}/rss2.xml`);
    await http.close();
    expect(result.ok && result.status).toBe(200);
    expect(result.ok && result.text()).toContain("Steppe &amp; River News");
    const seen = server.requests.at(-1)!;
    expect(seen.headers["user-agent"]).toMatch(/^news-digest-bot\/\d+\.\d+\.\d+ \(\+.+\)$/);
    expect(seen.headers["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it.each(["/gzip.xml", "/deflate.xml", "/deflate-raw.xml", "/br.xml"])(
    "decompresses %s",
    async (path) => {
      const http = client();
      const result = await http.get(`${server.origin}${path}`);
      await http.close();
      expect(result.ok && result.text()).toContain("<title>Bridge reopens</title>");
    },
  );

  it("refuses 127.0.0.2 when private addresses are not allowed", async () => {
    const http = createHttpClient({ allowPrivate: false });
    const result = await http.get(`http://127.0.0.2:${server.port}/rss2.xml`);
    await http.close();
    expect(errorCode(result)).toBe("forbidden-address");
  });

  it("refuses the test server itself when nothing is exempt", async () => {
    const http = createHttpClient();
    expect(errorCode(await http.get(`${server.origin}/rss2.xml`))).toBe("forbidden-address");
    await http.close();
  });

  it.each([
    "http://2130706434/",
    "http://0x7f000002/",
    "http://0177.0.0.2/",
    "http://[::ffff:127.0.0.2]/",
    "http://[::1]/",
    "http://10.0.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/",
  ])("refuses the private address spelled %s", async (url) => {
    const http = client();
    expect(errorCode(await http.get(url))).toBe("forbidden-address");
    await http.close();
  });

  it("checks the address a name resolves to when it connects, so DNS rebinding fails", async () => {
    const http = client({ lookup: createStaticLookup({ "rebind.test": "127.0.0.2" }) });
    const result = await http.get(`http://rebind.test:${server.port}/rss2.xml`);
    await http.close();
    expect(errorCode(result)).toBe("forbidden-address");
  });

  it("refuses localhost through the system resolver", async () => {
    const http = createHttpClient();
    expect(errorCode(await http.get(`http://localhost:${server.port}/rss2.xml`))).toBe(
      "forbidden-address",
    );
    await http.close();
  });

  it("reaches a name resolving to an exempt address", async () => {
    const http = client({ lookup: createStaticLookup({ "feed1.test": "127.0.0.1" }) });
    const result = await http.get(`http://feed1.test:${server.port}/atom.xml`);
    await http.close();
    expect(result.ok && result.status).toBe(200);
    expect(server.requests.at(-1)!.host).toBe("feed1.test");
  });

  it("allows private addresses when told to", async () => {
    const http = createHttpClient({
      allowPrivate: true,
      lookup: createStaticLookup({ "local.test": "127.0.0.1" }),
    });
    const result = await http.get(`http://local.test:${server.port}/rss2.xml`);
    await http.close();
    expect(result.ok).toBe(true);
  });

  it("follows redirects and reports the final URL", async () => {
    const http = client();
    const result = await http.get(`${server.origin}/redirect?n=4`);
    await http.close();
    expect(result.ok && result.url).toBe(`${server.origin}/rss2.xml`);
  });

  it("gives up after 5 redirects", async () => {
    const http = client();
    const result = await http.get(`${server.origin}/redirect?n=5`);
    await http.close();
    expect(errorCode(result)).toBe("too-many-redirects");
  });

  it("refuses a redirect to a private address", async () => {
    const http = client();
    const result = await http.get(`${server.origin}/redirect-private`);
    await http.close();
    expect(errorCode(result)).toBe("forbidden-address");
    expect(server.requests.some((r) => r.host === "127.0.0.2")).toBe(false);
  });

  it("refuses a redirect to a scheme other than http and https", async () => {
    const http = client();
    expect(errorCode(await http.get(`${server.origin}/redirect-ftp`))).toBe("bad-scheme");
    expect(errorCode(await http.get("file:///etc/passwd"))).toBe("bad-scheme");
    await http.close();
  });

  it("refuses a gzip bomb as too large without inflating it", async () => {
    const http = client({ maxBytes: 1024 * 1024 });
    const result = await http.get(`${server.origin}/bomb`);
    await http.close();
    expect(errorCode(result)).toBe("too-large");
  });

  it("refuses a plain body over the cap", async () => {
    const http = client({ maxBytes: 1024 * 1024 });
    expect(errorCode(await http.get(`${server.origin}/big`))).toBe("too-large");
    await http.close();
  });

  it("stops a slow drip at the deadline", async () => {
    const http = client({ timeoutMs: 400 });
    const result = await http.get(`${server.origin}/slow`);
    await http.close();
    expect(errorCode(result)).toBe("timeout");
  });

  it("returns 429 with the Retry-After it asked for", async () => {
    const http = client();
    const result = await http.get(`${server.origin}/limited`);
    await http.close();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: "http-status", status: 429, retryAfterMs: 120_000 });
  });

  it("returns a 304 as a success with an empty body", async () => {
    const http = client();
    const result = await http.get(`${server.origin}/conditional.xml`, {
      headers: { "If-None-Match": '"v1"' },
    });
    await http.close();
    expect(result.ok && result.status).toBe(304);
    expect(result.ok && result.body.length).toBe(0);
  });

  it("reports a refused connection as a network error", async () => {
    const http = createHttpClient({ allowPrivate: true });
    const closed = await startFakeHttpServer();
    await closed.close();
    expect(errorCode(await http.get(`${closed.origin}/`))).toBe("network");
    await http.close();
  });

  it.each([
    ["/koi8r.xml", "Бюджет утверждён"],
    ["/cp1251.xml", "Совет утвердил бюджет в 4,2 млрд тенге."],
    ["/gbk.xml", "议会批准了42亿元预算。"],
    ["/rss091.xml", "Old Gazette"],
  ])("decodes %s by its declared charset", async (path, expected) => {
    const http = client();
    const result = await http.get(`${server.origin}${path}`);
    await http.close();
    expect(result.ok && result.text()).toContain(expected);
  });
});
