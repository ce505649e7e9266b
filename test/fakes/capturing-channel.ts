import type { FactCard } from "../../src/digest/index.js";
import {
  DeliveryError,
  type ChannelLimits,
  type DeliveryChannel,
  type DeliveryFailure,
  type DeliveryTarget,
  type MessagePart,
  type Platform,
} from "../../src/delivery/index.js";

/** One call to `send`, as the fake platform saw it. */
export interface SendRecord {
  /** 0-based order of the call. */
  call: number;
  /** 1-based attempt number for this nonce. */
  attempt: number;
  at: number;
  target: DeliveryTarget;
  part: MessagePart;
  nonce: string;
  /** A message reached the chat with this call (false for failures and deduplicated nonces). */
  delivered: boolean;
  failure?: DeliveryFailure["kind"];
}

export interface SendCall {
  call: number;
  attempt: number;
  target: DeliveryTarget;
  part: MessagePart;
  nonce: string;
}

/**
 * What a programmed call does: a classified failure (`delivered` when it happened after the
 * message was written, e.g. a timeout), or an unclassified Error; undefined means success.
 */
export type ScriptedOutcome = { failure: DeliveryFailure; delivered?: boolean } | Error | undefined;

export interface CapturingChannelOptions {
  platform?: Platform;
  limits?: Partial<ChannelLimits>;
  /** Deduplicate deliveries by nonce, like Discord's enforce_nonce. */
  idempotent?: boolean;
  fail?: (call: SendCall) => ScriptedOutcome;
  /** Simulated network time before the message reaches the chat (uses `wait`). */
  latencyMs?: number | ((call: SendCall) => number);
  /** Time between the message reaching the chat and the sender hearing so (a crash here loses the ack). */
  ackDelayMs?: number;
  wait?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Cards per rendered part; a digest of more cards is split. */
  cardsPerPart?: number;
  /** Nonces the "platform" already delivered (a restarted test process reloads them). */
  seenNonces?: Iterable<string>;
  /** Called synchronously when a message reaches a chat (child processes append it to a file). */
  onDeliver?: (record: SendRecord) => void;
  /** Render throws for digests containing this card id (a renderer bug). */
  renderThrowsFor?: string;
}

export type CapturingChannel = DeliveryChannel & {
  calls: SendRecord[];
  delivered: SendRecord[];
  notices: Array<{ target: DeliveryTarget; text: string }>;
  deliveredTo(chatId: string): SendRecord[];
  /** Largest number of sends started within any `windowMs` (default 1000). */
  maxInWindow(windowMs?: number): number;
  readonly maxConcurrent: number;
};

const defaultWait = (ms: number) =>
  new Promise<void>((resolve) => (ms <= 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));

/** A DeliveryChannel that records every send and fails on cue: the delivery engine's test double. */
export function createCapturingChannel(options: CapturingChannelOptions = {}): CapturingChannel {
  const idempotent = options.idempotent ?? false;
  const now = options.now ?? (() => Date.now());
  const wait = options.wait ?? defaultWait;
  const perPart = options.cardsPerPart ?? 5;
  const seen = new Set(options.seenNonces ?? []);
  const attempts = new Map<string, number>();
  const calls: SendRecord[] = [];
  const delivered: SendRecord[] = [];
  const notices: Array<{ target: DeliveryTarget; text: string }> = [];
  let active = 0;
  let maxConcurrent = 0;

  function deliver(record: SendRecord): void {
    if (idempotent && seen.has(record.nonce)) return;
    seen.add(record.nonce);
    record.delivered = true;
    delivered.push(record);
    options.onDeliver?.(record);
  }

  return {
    platform: options.platform ?? "telegram",
    limits: { concurrency: 8, ...options.limits },
    idempotent,
    calls,
    delivered,
    notices,
    get maxConcurrent() {
      return maxConcurrent;
    },
    deliveredTo: (chatId) => delivered.filter((r) => r.target.chatId === chatId),
    maxInWindow(windowMs = 1_000) {
      const times = calls.map((c) => c.at).sort((a, b) => a - b);
      let best = 0;
      for (let lo = 0, hi = 0; hi < times.length; hi++) {
        while ((times[hi] as number) - (times[lo] as number) >= windowMs) lo++;
        best = Math.max(best, hi - lo + 1);
      }
      return best;
    },
    render(cards: readonly FactCard[], context: { emptyNotice?: string }): MessagePart[] {
      if (cards.length === 0)
        return context.emptyNotice ? [{ kind: "notice", text: context.emptyNotice }] : [];
      if (options.renderThrowsFor && cards.some((c) => c.id === options.renderThrowsFor)) {
        throw new Error("renderer bug");
      }
      const parts: MessagePart[] = [];
      for (let i = 0; i < cards.length; i += perPart) {
        const chunk = cards.slice(i, i + perPart);
        parts.push({
          kind: "digest",
          cardIds: chunk.map((c) => c.id),
          text: chunk.map((c) => c.title).join("\n"),
        });
      }
      return parts;
    },
    async send(target, part, { nonce }) {
      const attempt = (attempts.get(nonce) ?? 0) + 1;
      attempts.set(nonce, attempt);
      const call: SendCall = { call: calls.length, attempt, target: { ...target }, part, nonce };
      const record: SendRecord = { ...call, at: now(), delivered: false };
      calls.push(record);
      active++;
      maxConcurrent = Math.max(maxConcurrent, active);
      try {
        const latency =
          typeof options.latencyMs === "function" ? options.latencyMs(call) : options.latencyMs;
        if (latency !== undefined) await wait(latency);
        const outcome = options.fail?.(call);
        if (outcome instanceof Error) throw outcome;
        if (outcome === undefined) {
          deliver(record);
          if (options.ackDelayMs !== undefined) await wait(options.ackDelayMs);
          return;
        }
        if (outcome.delivered) deliver(record);
        record.failure = outcome.failure.kind;
        throw new DeliveryError(outcome.failure, `scripted ${outcome.failure.kind}`);
      } finally {
        active--;
      }
    },
    async notice(target, text) {
      notices.push({ target: { ...target }, text });
    },
  };
}
