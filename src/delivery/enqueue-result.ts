import type { OnSlot } from "./schedule/index.js";

export type SlotInfo = Parameters<OnSlot>[2];

export type EnqueueResult =
  | { status: "enqueued"; rows: number; cards: number }
  | { status: "exists" | "empty" | "inactive" | "no_channel" | "error" };
