import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import type { DeliveryFailure } from "../../delivery/index.js";
import { errorCode, isNotSentCode } from "../../lib/index.js";

function apiFailure(error: DiscordAPIError): DeliveryFailure {
  const code = Number(error.code);
  if (error.status === 401) return { kind: "unauthorized" };
  if (error.status === 429) {
    const seconds = Number((error.rawError as { retry_after?: unknown }).retry_after ?? 1);
    return { kind: "rate_limited", retryAfterMs: Math.ceil(seconds * 1000) };
  }
  // Unknown Channel: the channel or thread is deleted, nothing to wait for.
  if (code === 10003) return { kind: "chat_gone", permanent: true };
  // Missing Access / Missing Permissions, or any other 403: an admin may fix the permissions.
  if (code === 50001 || code === 50013 || error.status === 403) {
    return { kind: "chat_gone", permanent: false };
  }
  // 50035 Invalid Form Body and every other 4xx: our payload is wrong; retrying cannot help.
  return { kind: "bad_payload" };
}

/** Classifies whatever `REST#post` threw into the ledger's vocabulary. */
export function toDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof RateLimitError) {
    return { kind: "rate_limited", retryAfterMs: Math.max(error.retryAfter, error.timeToReset, 0) };
  }
  if (error instanceof DiscordAPIError) return apiFailure(error);
  // 5xx after the library's own retries: the message may or may not exist.
  if (error instanceof HTTPError) return { kind: "ambiguous" };
  const code = errorCode(error);
  if (isNotSentCode(code)) return { kind: "not_sent" };
  // After a 401 the REST client drops its token and refuses every further request.
  if (error instanceof Error && error.message.startsWith("Expected token to be set")) {
    return { kind: "unauthorized" };
  }
  // Timeouts (AbortError), resets, sockets closed mid-response: the request may have landed.
  return { kind: "ambiguous" };
}
