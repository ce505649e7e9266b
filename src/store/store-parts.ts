import type { Store } from "./ports.js";

/** The per-concern stores every engine wraps: one list, so a new port is added in one place. */
export const STORE_PARTS = [
  "cards",
  "subscriptions",
  "received",
  "ledger",
  "lease",
  "kv",
  "sources",
  "updates",
  "settings",
  "storyLog",
] as const satisfies ReadonlyArray<keyof Store>;

export type StorePartName = (typeof STORE_PARTS)[number];
