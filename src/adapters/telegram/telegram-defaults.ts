import type { ApiClientOptions } from "grammy";

/** Every tunable of the adapter with its default, in one place. */
export const TELEGRAM_DEFAULTS = {
  /** Far below grammY's 500 s, so a stuck request fails while it still matters. */
  requestTimeoutSeconds: 30,
  /** Long-poll wait; must stay below the request timeout or every poll would time out. */
  pollingTimeoutSeconds: 20,
  /** Commands per user per window; the first excess gets one "slow down" reply. */
  rateLimit: { limit: 5, timeFrameMs: 5_000 },
  /** Only 429s are retried by the bot (never scheduled sends); bounded so nothing hangs. */
  autoRetry: {
    maxRetryAttempts: 3,
    maxDelaySeconds: 60,
    rethrowInternalServerErrors: true,
    rethrowHttpErrors: true,
  },
  /** getMe at start: each failure logged, backoff doubling, a clear error after `giveUpAfterMs`. */
  startRetry: { initialDelayMs: 500, maxDelayMs: 30_000, giveUpAfterMs: 5 * 60_000 },
  /** /latest without a number, and its ceiling. */
  latestCount: 3,
  latestMax: 10,
  searchLimit: 5,
} as const;

export interface ClientSettings {
  apiRoot?: string;
  testEnv?: boolean;
  requestTimeoutSeconds?: number;
}

export function clientOptions(settings: ClientSettings): ApiClientOptions {
  return {
    ...(settings.apiRoot !== undefined ? { apiRoot: settings.apiRoot } : {}),
    environment: settings.testEnv ? "test" : "prod",
    timeoutSeconds: settings.requestTimeoutSeconds ?? TELEGRAM_DEFAULTS.requestTimeoutSeconds,
  };
}
