import { DeliveryError, type DeliveryFailure } from "./channel.js";

/** An adapter's classification, or `ambiguous` for anything unclassified: it might have been sent. */
export function classifyFailure(error: unknown): DeliveryFailure {
  return error instanceof DeliveryError ? error.failure : { kind: "ambiguous" };
}

/** One line for the ledger's last_error: the kind first, so rows can be grouped by it. */
export function describeFailure(failure: DeliveryFailure, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${failure.kind}: ${message}`.slice(0, 500);
}

/** Exponential backoff from the attempt number (1-based), capped. */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
