import type { RouteResult } from "./fake-http.js";

/**
 * A failure injected on one route: answered instead of (or, with `after`, after) the real handling.
 * `after: true` models "Discord posted the message but the response was lost" (a 5xx or a reset).
 */
export interface Fault {
  method?: string;
  /** Route pattern as the fake names it, e.g. `/channels/:channelId/messages`. */
  route: string;
  /** Only requests whose route params match, e.g. `{ channelId: "123" }`. */
  params?: Record<string, string>;
  /** How many requests to fail; default 1, `Infinity` for a lasting condition. */
  times?: number;
  after?: boolean;
  response?: RouteResult | (() => RouteResult);
  /** Destroy the socket instead of answering: the client sees a reset/"other side closed". */
  hangUp?: boolean;
  /** Wait this long before handling (for client-side timeouts). */
  delayMs?: number;
}

/** Ready-made Discord error responses. `retryAfter` is in seconds, as Discord sends it. */
export const faults = {
  rateLimited(
    options: { retryAfter?: number; global?: boolean; scope?: "user" | "shared" | "global" } = {},
  ): () => RouteResult {
    const retryAfter = options.retryAfter ?? 0.2;
    const global = options.global ?? false;
    return () => ({
      status: 429,
      headers: {
        "retry-after": String(retryAfter),
        "x-ratelimit-scope": options.scope ?? (global ? "global" : "user"),
        ...(global
          ? { "x-ratelimit-global": "true" }
          : {
              "x-ratelimit-limit": "5",
              "x-ratelimit-remaining": "0",
              "x-ratelimit-reset": String(Date.now() / 1000 + retryAfter),
              "x-ratelimit-reset-after": String(retryAfter),
              "x-ratelimit-bucket": "fakebucket0messages",
            }),
      },
      body: { message: "You are being rate limited.", retry_after: retryAfter, global },
    });
  },
  missingAccess: (): RouteResult => ({
    status: 403,
    body: { message: "Missing Access", code: 50001 },
  }),
  missingPermissions: (): RouteResult => ({
    status: 403,
    body: { message: "Missing Permissions", code: 50013 },
  }),
  unknownChannel: (): RouteResult => ({
    status: 404,
    body: { message: "Unknown Channel", code: 10003 },
  }),
  serverError: (status = 500): RouteResult => ({
    status,
    body: { message: `${status}: Internal Server Error`, code: 0 },
  }),
  unauthorized: (): RouteResult => ({
    status: 401,
    body: { message: "401: Unauthorized", code: 0 },
  }),
};

export class FaultTable {
  private readonly list: Array<Fault & { left: number }> = [];

  add(fault: Fault): void {
    this.list.push({ ...fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.list.length = 0;
  }

  /** Consumes and returns the first fault for this request, if any. */
  take(method: string, route: string, params: Record<string, string>): Fault | undefined {
    const index = this.list.findIndex(
      (f) =>
        f.left > 0 &&
        f.route === route &&
        (f.method === undefined || f.method === method) &&
        Object.entries(f.params ?? {}).every(([k, v]) => params[k] === v),
    );
    const fault = this.list[index];
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) this.list.splice(index, 1);
    return fault;
  }
}

export function faultResponse(fault: Fault): RouteResult | undefined {
  return typeof fault.response === "function" ? fault.response() : fault.response;
}
