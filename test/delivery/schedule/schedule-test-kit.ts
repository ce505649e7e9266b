import { Subscription } from "../../../src/model/subscription.js";
import { createLogger, type Logger } from "../../../src/lib/logger.js";
import type { ScheduleStore } from "../../../src/delivery/schedule/index.js";

export function makeSubscription(fields: Partial<Subscription> & { id: string }): Subscription {
  return Subscription.parse({
    target: { platform: "console", chatId: `chat-${fields.id}` },
    cron: "0 9 * * *",
    createdBy: "tester",
    createdAt: "2025-01-01T00:00:00.000Z",
    ...fields,
  });
}

export interface MemoryScheduleStore extends ScheduleStore {
  readonly fired: Array<{ id: string; slotIso: string }>;
  put(subscription: Subscription): void;
  remove(id: string): void;
  get(id: string): Subscription | undefined;
}

/** The tiny in-test ScheduleStore: subscriptions in a Map, every markFired recorded. */
export function createMemoryScheduleStore(initial: Subscription[] = []): MemoryScheduleStore {
  const subscriptions = new Map(initial.map((s) => [s.id, s]));
  const fired: Array<{ id: string; slotIso: string }> = [];
  return {
    fired,
    listActive: async () => [...subscriptions.values()].filter((s) => s.active),
    async markFired(id, slotIso) {
      fired.push({ id, slotIso });
      const current = subscriptions.get(id);
      if (current) subscriptions.set(id, { ...current, lastSlot: slotIso });
    },
    put: (subscription) => void subscriptions.set(subscription.id, subscription),
    remove: (id) => void subscriptions.delete(id),
    get: (id) => subscriptions.get(id),
  };
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A real pino logger whose lines land in an array, so tests can assert on what was logged. */
export function createCapturingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger({
    level: "debug",
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  });
  return { logger, lines };
}

const labelFormatters = new Map<string, Intl.DateTimeFormat>();

/** Wall clock as a person in that zone reads it, with the offset: "2025-03-30 03:00 GMT+2". */
export function localLabel(instant: Date, timeZone: string): string {
  let formatter = labelFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "shortOffset",
    });
    labelFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "?";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")} ${get("timeZoneName")}`;
}

export function localDate(instant: Date, timeZone: string): string {
  return localLabel(instant, timeZone).slice(0, 10);
}

export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

export function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
