import { escapeHtml } from "../../lib/index.js";

export { escapeHtml };

/** An href only for http(s) URLs; anything else (javascript:, data:) is dropped. */
export function safeHref(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
