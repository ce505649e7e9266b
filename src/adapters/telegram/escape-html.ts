const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for Telegram's HTML parse mode (which rejects a bare `<` or `&`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/**
 * Length of the text Telegram shows for HTML we built ourselves (tags dropped, entities decoded).
 * Counted in UTF-16 units, which is never less than the code points Telegram counts.
 */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, "").replace(/&(?:lt|gt|amp|quot|#39);/g, "_").length;
}
