import { sourceLabel } from "../model/index.js";
import type { ChatRef, SourceStore } from "../store/index.js";

export type ResolvedSources = { ok: true; sourceIds: string[] } | { ok: false; error: string };

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/**
 * Source references as users type them, against the list /sources shows this chat (its own
 * sources, else the operator's): a position (`2`), a host (`example.com`) or the URL itself.
 */
export async function resolveSourceRefs(
  sources: Pick<SourceStore, "forChat" | "list">,
  chat: ChatRef,
  refs: readonly string[],
): Promise<ResolvedSources> {
  const wanted = refs.flatMap((r) => r.split(/[\s,]+/)).filter(Boolean);
  if (wanted.length === 0) return { ok: true, sourceIds: [] };
  const own = await sources.forChat({ platform: chat.platform, chatId: chat.chatId });
  const rows = own.length > 0 ? own : (await sources.list()).filter((s) => s.addedBy === null);
  if (rows.length === 0) return { ok: false, error: "this chat has no sources to choose from" };
  const ids: string[] = [];
  for (const ref of wanted) {
    const n = /^\d+$/.test(ref) ? Number(ref) : undefined;
    const lower = ref.toLowerCase().replace(/\/+$/, "");
    const matches =
      n !== undefined
        ? rows.filter((_, i) => i + 1 === n)
        : rows.filter(
            (s) =>
              s.url.toLowerCase().replace(/\/+$/, "") === lower ||
              sourceLabel(s.id)
                .toLowerCase()
                .replace(/^www\./, "") === lower.replace(/^www\./, ""),
          );
    if (matches.length === 0) {
      return {
        ok: false,
        error: `no source "${clip(ref)}" in this chat; use a number or host from /sources`,
      };
    }
    for (const m of matches) if (!ids.includes(m.id)) ids.push(m.id);
  }
  return { ok: true, sourceIds: ids };
}
