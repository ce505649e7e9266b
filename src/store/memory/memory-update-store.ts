import type { SyncProcessedUpdateStore } from "../sync-ports.js";

export function createMemoryUpdateStore(): SyncProcessedUpdateStore {
  const claimed = new Map<string, number>();
  return {
    claim(key, at) {
      if (claimed.has(key)) return false;
      claimed.set(key, at.getTime());
      return true;
    },
    prune(before) {
      let removed = 0;
      for (const [key, time] of claimed) {
        if (time >= before.getTime()) continue;
        claimed.delete(key);
        removed++;
      }
      return removed;
    },
  };
}
