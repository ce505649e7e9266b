import { escapeHtml } from "../../lib/index.js";

/** Telegram's HTML parse mode rejects a bare `<` or `&`: every interpolated string goes through this. */
export { escapeHtml };

/**
 * Length of the text Telegram shows for HTML we built ourselves (tags dropped, entities decoded).
 * Counted in UTF-16 units, which is never less than the code points Telegram counts.
 */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, "").replace(/&(?:lt|gt|amp|quot|#39);/g, "_").length;
}

/** Most characters of user input a reply repeats: a long paste must not push a reply past 4096. */
export const ECHO_MAX_CHARS = 100;

/** User input repeated in a reply: clipped to `ECHO_MAX_CHARS` with "…", then escaped. */
export function echoHtml(text: string): string {
  const trimmed = text.trim();
  const chars = [...trimmed];
  return escapeHtml(
    chars.length > ECHO_MAX_CHARS ? `${chars.slice(0, ECHO_MAX_CHARS - 1).join("")}…` : trimmed,
  );
}
