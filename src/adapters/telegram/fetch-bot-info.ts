import { GrammyError, HttpError, type Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { systemClock, type Clock } from "../../lib/index.js";
import type { Logger } from "../../lib/index.js";
import { describeTelegramError } from "./telegram-errors.js";

export interface StartRetry {
  /** Wait before the second attempt; doubles after each failure. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** After this long without an answer, start fails with a clear error. */
  giveUpAfterMs: number;
}

export interface FetchBotInfoOptions {
  api: Api;
  token: string;
  log: Logger;
  retry: StartRetry;
  signal: AbortSignal;
  clock?: Clock;
}

/** Network failures, 5xx and 429 may pass; anything else (401, 404) will not, so it is thrown at once. */
const isTransient = (error: unknown) =>
  error instanceof HttpError ||
  (error instanceof GrammyError && (error.error_code >= 500 || error.error_code === 429));

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * getMe with a logged, bounded backoff: grammY's own init retries silently and forever, so an
 * unreachable API looked like a hung start. Resolves undefined when `signal` aborts (stop()).
 * Throws what cannot pass by waiting (401, 404).
 */
export async function fetchBotInfo(
  options: FetchBotInfoOptions,
): Promise<{ me: UserFromGetMe } | { gaveUp: string } | undefined> {
  const { api, log, retry, signal } = options;
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now().getTime();
  let delay = retry.initialDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      // grammY types its signal with the abort-controller polyfill; Node's own signal is what it uses.
      return { me: await api.getMe(signal as Parameters<Api["getMe"]>[0]) };
    } catch (error) {
      if (signal.aborted) return undefined;
      if (!isTransient(error)) throw error;
      const reason = describeTelegramError(error, options.token);
      const elapsed = clock.now().getTime() - startedAt;
      if (elapsed + delay > retry.giveUpAfterMs) {
        return {
          gaveUp: `Telegram API unreachable for ${Math.round(elapsed / 1000)} s after ${attempt} attempts; last error: ${reason}`,
        };
      }
      log.warn(
        { attempt, retryInMs: delay, error: reason },
        "Telegram API unreachable at start; retrying",
      );
      await sleep(delay, signal);
      if (signal.aborted) return undefined;
      delay = Math.min(delay * 2, retry.maxDelayMs);
    }
  }
}
