import type { ChannelLimits } from "./channel.js";
import { windowForRate, type SlidingWindow } from "./sliding-window.js";

export interface PacerDelay {
  /** Wait before any send on this channel. */
  global: number;
  /** Wait before a send into this chat; other chats may go now. */
  chat: number;
}

export interface Pacer {
  delay(chatKey: string, nowMs: number): PacerDelay;
  record(chatKey: string, nowMs: number): void;
  /**
   * Sends are chosen at `fromMs` but start after the claim commits: restamping them with the real
   * start time keeps the window honest when a commit is slow.
   */
  restamp(chatKeys: readonly string[], fromMs: number, toMs: number): void;
}

const SWEEP_EVERY = 1_000;

/**
 * Paces one channel by its declared limits. The platform-neutral core cannot tell a group from a
 * private chat, so the per-group limit applies to every chat: stricter, never over the limit.
 */
export function createPacer(limits: ChannelLimits): Pacer {
  const { globalPerSecond, perChatPerSecond, perGroupPerMinute } = limits;
  const global = globalPerSecond ? windowForRate(globalPerSecond, 1_000) : undefined;
  const perChat: Array<() => SlidingWindow> = [];
  if (perChatPerSecond) perChat.push(() => windowForRate(perChatPerSecond, 1_000));
  if (perGroupPerMinute) perChat.push(() => windowForRate(perGroupPerMinute, 60_000));
  const chats = new Map<string, SlidingWindow[]>();
  let records = 0;

  const sweep = (nowMs: number) => {
    for (const [key, windows] of chats) {
      if (windows.every((w) => w.isIdle(nowMs))) chats.delete(key);
    }
  };

  return {
    delay(chatKey, nowMs) {
      const windows = chats.get(chatKey) ?? [];
      return {
        global: global?.delay(nowMs) ?? 0,
        chat: windows.reduce((wait, w) => Math.max(wait, w.delay(nowMs)), 0),
      };
    },
    record(chatKey, nowMs) {
      global?.record(nowMs);
      if (perChat.length === 0) return;
      let windows = chats.get(chatKey);
      if (windows === undefined) {
        windows = perChat.map((make) => make());
        chats.set(chatKey, windows);
      }
      for (const w of windows) w.record(nowMs);
      if (++records % SWEEP_EVERY === 0) sweep(nowMs);
    },
    restamp(chatKeys, fromMs, toMs) {
      if (toMs === fromMs) return;
      global?.restamp(fromMs, toMs);
      for (const key of new Set(chatKeys)) {
        for (const w of chats.get(key) ?? []) w.restamp(fromMs, toMs);
      }
    },
  };
}
