import { randomInt } from "node:crypto";

/** No 0/o, 1/l/i: ids are read off a phone screen and typed into /unsubscribe. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const SUBSCRIPTION_ID_LENGTH = 6;

export type RandomIndex = (max: number) => number;

/** A short id such as `k7m2qa`; callers retry on the (rare) collision with an existing id. */
export function createSubscriptionId(random: RandomIndex = randomInt): string {
  let id = "";
  for (let i = 0; i < SUBSCRIPTION_ID_LENGTH; i++) id += ALPHABET[random(ALPHABET.length)];
  return id;
}

/** Generates ids until `taken` says one is free; gives up loudly rather than loop forever. */
export function uniqueSubscriptionId(taken: (id: string) => boolean, random?: RandomIndex): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const id = createSubscriptionId(random);
    if (!taken(id)) return id;
  }
  throw new Error("could not find a free subscription id after 100 attempts");
}
