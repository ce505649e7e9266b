import { createHmac } from "node:crypto";

/**
 * The default webhook secret, derived from the token: every process behind a load balancer
 * computes the same one, and nobody without the token can guess it.
 */
export function webhookSecretFor(token: string): string {
  return createHmac("sha256", token).update("telegram-webhook-secret").digest("base64url");
}
