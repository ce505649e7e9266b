import { z } from "zod";
import { Subscription, type NewSubscription } from "../model/index.js";
import { StoreError } from "../lib/index.js";

/** A new subscription with the schema's defaults applied; invalid input is a StoreError. */
export function buildSubscription(input: NewSubscription, id: string, now: Date): Subscription {
  const result = Subscription.safeParse({
    ...input,
    id,
    createdAt: now.toISOString(),
    active: true,
    consecutiveFailures: 0,
    lastSlot: null,
  });
  if (result.success) return result.data;
  throw new StoreError(
    `invalid subscription: ${z.prettifyError(result.error)}`,
    { table: "subscriptions", id },
    { cause: result.error },
  );
}

export function bySubscriptionAge(a: Subscription, b: Subscription): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
