import { chatPrefix, targetKey } from "../target-key.js";
import type { SyncReceivedStore } from "../sync-ports.js";

interface Receipt {
  subscriptionId: string;
  at: string;
}

export function createMemoryReceivedStore(): SyncReceivedStore {
  const byTarget = new Map<string, Map<string, Receipt>>();
  return {
    mark(target, cardIds, subscriptionId, at) {
      const key = targetKey(target);
      const cards = byTarget.get(key) ?? new Map<string, Receipt>();
      for (const id of cardIds) {
        if (!cards.has(id)) cards.set(id, { subscriptionId, at: at.toISOString() });
      }
      byTarget.set(key, cards);
    },
    has: (target, cardId) => byTarget.get(targetKey(target))?.has(cardId) ?? false,
    list: (target) => [...(byTarget.get(targetKey(target))?.keys() ?? [])].sort(),
    moveChat(platform, fromChatId, toChatId) {
      const from = chatPrefix(platform, fromChatId);
      let moved = 0;
      for (const [key, cards] of [...byTarget.entries()]) {
        if (!key.startsWith(from)) continue;
        const to = chatPrefix(platform, toChatId) + key.slice(from.length);
        const merged = byTarget.get(to) ?? new Map<string, Receipt>();
        for (const [id, receipt] of cards) {
          if (merged.has(id)) continue;
          merged.set(id, receipt);
          moved++;
        }
        byTarget.delete(key);
        byTarget.set(to, merged);
      }
      return moved;
    },
  };
}
