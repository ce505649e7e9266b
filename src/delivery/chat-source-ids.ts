import type { SourceRow } from "../model/index.js";
import type { ChatRef, SourceStore } from "../store/index.js";

/**
 * The sources a chat reads: its own, else the operator's (`addedBy: null`). Undefined when no
 * source is registered at all, so a store without sources filters nothing.
 */
export async function chatSourceIds(
  sources: Pick<SourceStore, "forChat" | "list">,
  chat: ChatRef,
): Promise<string[] | undefined> {
  const own = await sources.forChat({ platform: chat.platform, chatId: chat.chatId });
  if (own.length > 0) return own.map((s) => s.id);
  return pickSourceIds(own, await sources.list());
}

/** The rule of `chatSourceIds` on rows already read (the batched path reads them once). */
export function pickSourceIds(
  own: readonly SourceRow[],
  all: readonly SourceRow[],
): string[] | undefined {
  if (own.length > 0) return own.map((s) => s.id);
  if (all.length === 0) return undefined;
  return all.filter((s) => s.addedBy === null).map((s) => s.id);
}
