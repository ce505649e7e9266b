import { redactSecrets } from "../../lib/index.js";

/** An error as one loggable string (stack when there is one) with every secret scrubbed. */
export function describeError(error: unknown, secrets: readonly string[] = []): string {
  const text =
    error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return redactSecrets(text, secrets);
}
