import CachePolicy from "http-cache-semantics";

export interface PollBounds {
  pollMinMs: number;
  pollMaxMs: number;
}

const clamp = (value: number, { pollMinMs, pollMaxMs }: PollBounds) =>
  Math.min(pollMaxMs, Math.max(pollMinMs, value));

/**
 * Milliseconds until the next poll from the response's cache lifetime (max-age, Expires, or the
 * Last-Modified heuristic), clamped to the poll bounds.
 */
export function freshFor(
  url: string,
  requestHeaders: Record<string, string>,
  responseHeaders: Record<string, string>,
  bounds: PollBounds,
): number {
  // A 304 carries the same freshness headers as the 200 it confirms; read it as one.
  const policy = new CachePolicy(
    { url, method: "GET", headers: requestHeaders },
    { status: 200, headers: responseHeaders },
    { shared: false },
  );
  // Whole seconds, as the headers give them; the library's own clock ticks between its calls.
  return clamp(Math.ceil(policy.timeToLive() / 1000) * 1000, bounds);
}

/** Exponential backoff with equal jitter: half the step fixed, half random; never past pollMax. */
export function backoffFor(failures: number, bounds: PollBounds, random: () => number): number {
  const step = Math.min(bounds.pollMaxMs, bounds.pollMinMs * 2 ** Math.max(0, failures - 1));
  return step / 2 + random() * (step / 2);
}
