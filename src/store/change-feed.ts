import { EventEmitter } from "node:events";

/** What changed: subscriptions (schedulers reload), cards (new arrivals), sources (pollers reload). */
export type ChangeTopic = "subscriptions" | "cards" | "sources";

/**
 * How parts of the app learn that stored data changed. In one process an event emitter; across
 * processes a database notification (Postgres LISTEN/NOTIFY). Listeners must also reload
 * periodically: a notification is a hint that may be lost, never the only way to see a change.
 */
export interface ChangeFeed {
  publish(topic: ChangeTopic): void;
  /** Returns the unsubscribe function. */
  subscribe(topic: ChangeTopic, listener: () => void): () => void;
}

export function createMemoryChangeFeed(): ChangeFeed {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (topic) => void emitter.emit(topic),
    subscribe(topic, listener) {
      emitter.on(topic, listener);
      return () => void emitter.off(topic, listener);
    },
  };
}
