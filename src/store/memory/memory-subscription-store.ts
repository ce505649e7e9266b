import type { Subscription } from "../../model/index.js";
import { buildSubscription, bySubscriptionAge } from "../build-subscription.js";
import { uniqueSubscriptionId, type RandomIndex } from "../subscription-id.js";
import type { SyncSubscriptionStore } from "../sync-ports.js";

export function createMemorySubscriptionStore(random?: RandomIndex): SyncSubscriptionStore {
  const subs = new Map<string, Subscription>();
  const select = (keep: (s: Subscription) => boolean) =>
    [...subs.values()]
      .filter(keep)
      .sort(bySubscriptionAge)
      .map((s) => structuredClone(s));
  const update = (id: string, change: (s: Subscription) => void) => {
    const sub = subs.get(id);
    if (sub !== undefined) change(sub);
    return sub;
  };

  return {
    create(input, now) {
      const id = uniqueSubscriptionId((candidate) => subs.has(candidate), random);
      const sub = buildSubscription(input, id, now);
      subs.set(id, sub);
      return structuredClone(sub);
    },
    get: (id) => {
      const sub = subs.get(id);
      return sub === undefined ? undefined : structuredClone(sub);
    },
    list: () => select(() => true),
    listByChat: ({ platform, chatId }) =>
      select((s) => s.target.platform === platform && s.target.chatId === chatId),
    listActive: () => select((s) => s.active),
    remove(id) {
      const sub = subs.get(id);
      subs.delete(id);
      return sub;
    },
    setFormat(id, format) {
      const sub = update(id, (s) => (s.format = format));
      return sub === undefined ? undefined : structuredClone(sub);
    },
    markFired(id, slotIso) {
      update(id, (s) => (s.lastSlot = slotIso));
    },
    moveChat(platform, fromChatId, toChatId) {
      const moved = [...subs.values()].filter(
        (s) => s.target.platform === platform && s.target.chatId === fromChatId,
      );
      for (const s of moved) s.target.chatId = toChatId;
      return moved.length;
    },
    recordSuccess(id) {
      update(id, (s) => (s.consecutiveFailures = 0));
    },
    recordFailure(id) {
      return update(id, (s) => (s.consecutiveFailures += 1))?.consecutiveFailures ?? 0;
    },
    deactivate(id) {
      update(id, (s) => (s.active = false));
    },
  };
}
