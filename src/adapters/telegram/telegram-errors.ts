import { GrammyError, HttpError } from "grammy";
import { DeliveryError, type DeliveryFailure } from "../../delivery/index.js";
import { redactSecrets } from "../../lib/index.js";
import { isNotSentCode } from "../../lib/index.js";

/** 400s about the chat rather than the message: deleted topics, lost rights, deactivated groups. */
const CHAT_GONE_400 =
  /chat not found|thread not found|topic_deleted|topic_closed|not enough rights|have no rights|need administrator rights|chat_write_forbidden|chat was deactivated|peer_id_invalid/i;

function causeCode(error: HttpError): string | undefined {
  const inner = error.error as { code?: unknown; errno?: unknown } | undefined;
  const code = inner?.code ?? inner?.errno;
  return typeof code === "string" ? code : undefined;
}

/** Node names the failing syscall in the message (`connect ECONNRESET 1.2.3.4:443`); undici sets `syscall`. */
function failedWhileConnecting(error: HttpError): boolean {
  for (let e: unknown = error.error, depth = 0; e instanceof Error && depth < 4; depth += 1) {
    if ((e as { syscall?: unknown }).syscall === "connect") return true;
    if (/\bconnect E[A-Z]+\b/.test(e.message)) return true;
    e = e.cause;
  }
  return false;
}

/** A response came back but its body was not JSON: an error page of a proxy in front of the Bot API. */
function isNonJsonAnswer(error: HttpError): boolean {
  const inner = error.error as { type?: unknown; name?: unknown } | undefined;
  return inner?.type === "invalid-json" || inner?.name === "SyntaxError";
}

/** An answer without a numeric error code is not the Bot API's own: a proxy or gateway spoke. */
const hasErrorCode = (error: GrammyError) => typeof error.error_code === "number";

const methodOf = (error: HttpError) => /'([A-Za-z]+)'/.exec(error.message)?.[1] ?? "request";

/**
 * One line describing a Telegram failure without the token. grammY's HttpError wraps the fetch
 * error, whose message contains the request URL and so the token.
 */
export function describeTelegramError(error: unknown, token: string): string {
  let text: string;
  if (error instanceof GrammyError && !hasErrorCode(error))
    text = `${error.method}: server error (an answer without a Bot API error code, e.g. from a proxy)`;
  else if (error instanceof GrammyError)
    text = `${error.method}: ${error.error_code} ${error.description}`;
  else if (error instanceof HttpError && isNonJsonAnswer(error))
    text = `${methodOf(error)}: server error (a non-JSON answer, e.g. a proxy's 5xx error page)`;
  else if (error instanceof HttpError) {
    const inner = error.error instanceof Error ? `: ${error.error.message}` : "";
    text = `${error.message}${inner}`;
  } else if (error instanceof Error) text = `${error.name}: ${error.message}`;
  else text = String(error);
  return redactSecrets(text, [token]);
}

/** A token-free copy of an error, safe to log, rethrow or hand to the app. */
export function sanitizeTelegramError(error: unknown, token: string): Error {
  const safe = new Error(describeTelegramError(error, token));
  safe.name = error instanceof Error ? error.name : "Error";
  if (error instanceof GrammyError) Object.assign(safe, { errorCode: error.error_code });
  return safe;
}

/** Maps a failed sendMessage to what the delivery ledger should do about it. */
export function classifyTelegramError(error: unknown): DeliveryFailure {
  if (error instanceof GrammyError) {
    // Maybe processed before the failure: for sendMessage that is "uncertain", never a bad payload.
    if (!hasErrorCode(error)) return { kind: "ambiguous" };
    const { error_code: code, description, parameters } = error;
    if (parameters.migrate_to_chat_id !== undefined) {
      return { kind: "chat_moved", newChatId: String(parameters.migrate_to_chat_id) };
    }
    if (code === 429 || parameters.retry_after !== undefined) {
      return { kind: "rate_limited", retryAfterMs: (parameters.retry_after ?? 1) * 1000 };
    }
    // 404 is what Telegram answers for a malformed token; like 401, nothing will work.
    if (code === 401 || code === 404) return { kind: "unauthorized" };
    if (code === 403) return { kind: "chat_gone", permanent: false };
    if (code >= 500) return { kind: "ambiguous" };
    if (CHAT_GONE_400.test(description)) return { kind: "chat_gone", permanent: false };
    return { kind: "bad_payload" };
  }
  if (error instanceof HttpError) {
    // Refused or reset while connecting: the request was never written, so it cannot have arrived.
    if (isNotSentCode(causeCode(error)) || failedWhileConnecting(error))
      return { kind: "not_sent" };
    return { kind: "ambiguous" };
  }
  // Anything else (a bug on our side) happened before the request left.
  return { kind: "not_sent" };
}

export function toDeliveryError(error: unknown, token: string): DeliveryError {
  const safe = sanitizeTelegramError(error, token);
  return new DeliveryError(classifyTelegramError(error), safe.message, { cause: safe });
}
