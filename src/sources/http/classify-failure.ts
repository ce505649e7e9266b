import { FetchError, ForbiddenAddressError } from "./fetch-error.js";

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 6; depth += 1) {
    chain.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  return chain;
}

/** The FetchError for a thrown failure: a refused address, the deadline, or any other network error. */
export function classifyFailure(error: unknown, url: string, timedOut: boolean): FetchError {
  const chain = causeChain(error);
  const forbidden = chain.find((e) => e instanceof ForbiddenAddressError);
  if (forbidden)
    return new FetchError("forbidden-address", url, forbidden.message, { cause: error });
  const code = chain.map((e) => (e as { code?: unknown }).code).find((c) => typeof c === "string");
  if (timedOut || code === "UND_ERR_CONNECT_TIMEOUT") {
    return new FetchError("timeout", url, "deadline passed", { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new FetchError("network", url, code ? `${code} ${message}` : message, { cause: error });
}
