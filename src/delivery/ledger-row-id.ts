import { createHash } from "node:crypto";

const MAX_ID = 25;

/**
 * The ledger row id, also the platform nonce (≤ 25 chars). Deterministic, so the same
 * (subscription, slot, part) always maps to the same nonce. Readable when it fits.
 */
export function ledgerRowId(subscriptionId: string, slotIso: string, partIndex: number): string {
  const readable = `${subscriptionId}.${Date.parse(slotIso).toString(36)}.${partIndex}`;
  if (readable.length <= MAX_ID && /^[A-Za-z0-9_-]+$/.test(subscriptionId)) return readable;
  const hash = createHash("sha256").update(`${subscriptionId}\n${slotIso}`).digest("hex");
  return `h${hash.slice(0, 20)}.${partIndex}`;
}
