import type { MessageArgs, Translate } from "../../i18n/index.js";
import { escapeHtml } from "./escape-html.js";

/**
 * A translated message as Telegram HTML: plain arguments are escaped with the text, `html`
 * arguments (already markup, e.g. `<code>/latest 5</code>`) are put in as they are.
 */
export function translateHtml(
  t: Translate,
  id: string,
  args: MessageArgs = {},
  html: Record<string, string> = {},
): string {
  const marks = Object.keys(html);
  const placeholders = Object.fromEntries(marks.map((key, i) => [key, `\u0000${i}\u0000`]));
  let text = escapeHtml(t(id, { ...args, ...placeholders }));
  marks.forEach((key, i) => (text = text.replace(`\u0000${i}\u0000`, html[key]!)));
  return text;
}
