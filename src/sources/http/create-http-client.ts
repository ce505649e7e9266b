import { request } from "undici";
import { systemClock, type Clock } from "../../lib/index.js";
import { isIpLiteral, isRefused, type AddressPolicy } from "./address-guard.js";
import { decodeText } from "./decode-text.js";
import { classifyFailure } from "./classify-failure.js";
import { FetchError } from "./fetch-error.js";
import { createGuardedAgent, type LookupFunction } from "./guarded-agent.js";
import { HTTP_DEFAULTS } from "./http-defaults.js";
import type { GetOptions, HttpClient, HttpResult } from "./http-result.js";
import { readBody } from "./read-body.js";
import { parseRetryAfter } from "./retry-after.js";

export interface HttpClientOptions {
  /** Reach private, loopback and other non-public addresses (development and benchmarks only). */
  allowPrivate?: boolean;
  /** Exact addresses exempt from the guard, e.g. a local test server's 127.0.0.1. */
  allowAddresses?: readonly string[];
  /** Resolver used by the connector (default `dns.lookup`); tests inject one. */
  lookup?: LookupFunction;
  /** Cap on the decompressed body. */
  maxBytes?: number;
  /** Deadline for the whole request, redirects and body included. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  maxRedirects?: number;
  userAgent?: string;
  clock?: Clock;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function lowerKeys(headers: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** The program's one door to the network: guarded against private addresses, capped, decoded. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const settings = { ...HTTP_DEFAULTS, ...options };
  const clock = options.clock ?? systemClock;
  const policy: AddressPolicy = {
    allowPrivate: settings.allowPrivate,
    allowAddresses: settings.allowAddresses,
  };
  const agent = createGuardedAgent({
    policy,
    lookup: options.lookup,
    connectTimeoutMs: settings.connectTimeoutMs,
  });
  let closed: Promise<void> | undefined;

  async function follow(
    start: string,
    extra: GetOptions["headers"],
    signal: AbortSignal,
    trail: { url: string },
  ): Promise<HttpResult> {
    const headers = {
      "user-agent": settings.userAgent,
      "accept-encoding": "gzip, deflate, br",
      ...lowerKeys(extra),
    };
    let current = start;
    for (let hop = 0; ; hop += 1) {
      let target: URL;
      try {
        target = new URL(current);
      } catch {
        return { ok: false, error: new FetchError("bad-scheme", current, "not a URL") };
      }
      if (target.protocol !== "http:" && target.protocol !== "https:") {
        return {
          ok: false,
          error: new FetchError("bad-scheme", current, `${target.protocol} is not fetched`),
        };
      }
      if (isIpLiteral(target.hostname) && isRefused(target.hostname, policy)) {
        const error = new FetchError(
          "forbidden-address",
          current,
          `refused to connect to ${target.hostname}`,
        );
        return { ok: false, error };
      }
      const response = await request(target, { dispatcher: agent, method: "GET", headers, signal });
      const responseHeaders = flatten(response.headers);
      const status = response.statusCode;
      const location = responseHeaders["location"];
      if (REDIRECTS.has(status) && location) {
        await response.body.dump();
        if (hop >= settings.maxRedirects) {
          const error = new FetchError(
            "too-many-redirects",
            current,
            `more than ${settings.maxRedirects} redirects`,
          );
          return { ok: false, error };
        }
        current = new URL(location, target).href;
        trail.url = current;
        continue;
      }
      if ((status < 200 || status > 299) && status !== 304) {
        await response.body.dump();
        const retryAfterMs = parseRetryAfter(responseHeaders["retry-after"], clock.now());
        const error = new FetchError("http-status", current, `HTTP ${status}`, {
          status,
          retryAfterMs,
        });
        return { ok: false, error };
      }
      const encoding = responseHeaders["content-encoding"];
      const declared = Number(responseHeaders["content-length"] ?? Number.NaN);
      const tooLarge = new FetchError(
        "too-large",
        current,
        `body over ${settings.maxBytes} bytes`,
        { status },
      );
      if (!encoding && declared > settings.maxBytes) {
        response.body.destroy();
        return { ok: false, error: tooLarge };
      }
      const outcome = await readBody(response.body, encoding, settings.maxBytes);
      if (!outcome.ok) {
        if (outcome.reason === "too-large") return { ok: false, error: tooLarge };
        const error = new FetchError(
          "network",
          current,
          `unsupported content-encoding ${outcome.encoding}`,
          { status },
        );
        return { ok: false, error };
      }
      const body = outcome.body;
      const contentType = responseHeaders["content-type"];
      return {
        ok: true,
        status,
        url: current,
        headers: responseHeaders,
        body,
        text: () => decodeText(body, contentType),
      };
    }
  }

  return {
    async get(url, { headers, signal } = {}) {
      const deadline = new AbortController();
      const timer = setTimeout(
        () => deadline.abort(new Error("deadline passed")),
        settings.timeoutMs,
      );
      const combined = signal ? AbortSignal.any([deadline.signal, signal]) : deadline.signal;
      const trail = { url };
      try {
        return await follow(url, headers, combined, trail);
      } catch (error) {
        return { ok: false, error: classifyFailure(error, trail.url, deadline.signal.aborted) };
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      closed ??= agent.close();
      return closed;
    },
  };
}
