import type { StoryLogEntry } from "../ports.js";
import type { SyncStoryLogStore } from "../sync-ports.js";
import { targetKey } from "../target-key.js";

const newestFirst = (a: StoryLogEntry, b: StoryLogEntry) =>
  b.updatedAt.localeCompare(a.updatedAt) || a.storyKey.localeCompare(b.storyKey);

export function createMemoryStoryLogStore(): SyncStoryLogStore {
  const byTarget = new Map<string, Map<string, StoryLogEntry>>();
  const copy = (e: StoryLogEntry): StoryLogEntry => ({ ...e, cardIds: [...e.cardIds] });
  return {
    record(target, entries, now) {
      const key = targetKey(target);
      const stories = byTarget.get(key) ?? new Map<string, StoryLogEntry>();
      for (const entry of entries) {
        stories.set(entry.storyKey, copy({ ...entry, updatedAt: now.toISOString() }));
      }
      byTarget.set(key, stories);
    },
    recent: (target, limit) =>
      [...(byTarget.get(targetKey(target))?.values() ?? [])]
        .sort(newestFirst)
        .slice(0, limit)
        .map(copy),
    attachMessage(target, rowId, messageId) {
      let n = 0;
      for (const entry of byTarget.get(targetKey(target))?.values() ?? []) {
        if (entry.rowId !== rowId) continue;
        entry.messageId = messageId;
        n++;
      }
      return n;
    },
  };
}
