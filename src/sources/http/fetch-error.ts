import { DigestBotError } from "../../lib/index.js";

export type FetchErrorCode =
  | "forbidden-address"
  | "bad-scheme"
  | "too-large"
  | "timeout"
  | "too-many-redirects"
  | "http-status"
  | "network";

/** Why one URL could not be fetched; returned as a value by the HTTP client, never thrown to callers. */
export class FetchError extends DigestBotError {
  override name = "FetchError";
  constructor(
    readonly code: FetchErrorCode,
    readonly url: string,
    message: string,
    extra: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(
      `${code}: ${message} (${url})`,
      { url, code, status: extra.status },
      { cause: extra.cause },
    );
    this.status = extra.status;
    this.retryAfterMs = extra.retryAfterMs;
  }
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
}

/** Thrown inside the connector when the socket would reach a refused address; mapped to a FetchError. */
export class ForbiddenAddressError extends Error {
  override name = "ForbiddenAddressError";
  readonly code = "ERR_FORBIDDEN_ADDRESS";
  constructor(readonly address: string) {
    super(`refused to connect to ${address}`);
  }
}
