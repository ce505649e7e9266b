import type { DeliveryTarget } from "../model/index.js";

/** One string per place a message lands: platform, chat and thread (a forum topic is its own place). */
export function targetKey(
  target: Pick<DeliveryTarget, "platform" | "chatId" | "threadId">,
): string {
  return `${target.platform}\u0000${target.chatId}\u0000${target.threadId ?? ""}`;
}

export function chatPrefix(platform: string, chatId: string): string {
  return `${platform}\u0000${chatId}\u0000`;
}
