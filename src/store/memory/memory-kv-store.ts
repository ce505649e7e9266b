import type { SyncKvStore } from "../sync-ports.js";

export function createMemoryKvStore(): SyncKvStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
  };
}
