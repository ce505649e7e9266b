import { decodeHTML } from "entities";
import { escapeHtml, safeHref } from "./escape-html.js";

/** Telegram's formatting tags that mean the same on the web; any other tag is shown as text. */
const PLAIN_TAGS: Record<string, string> = {
  b: "b",
  strong: "b",
  i: "i",
  em: "i",
  u: "u",
  ins: "u",
  s: "s",
  strike: "s",
  del: "s",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
};

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*"[^"]*")?)*)\s*>/g;

/**
 * Telegram message HTML as safe web HTML: a whitelist of tags without attributes, links only to
 * http(s), every text run decoded and escaped again, and every open tag closed.
 */
export function telegramHtmlToWeb(html: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let last = 0;
  const text = (raw: string) => escapeHtml(decodeHTML(raw));
  for (const m of html.matchAll(TAG)) {
    out.push(text(html.slice(last, m.index)));
    last = m.index + m[0].length;
    const closing = m[1] === "/";
    const name = m[2]!.toLowerCase();
    const web = name === "a" ? "a" : PLAIN_TAGS[name];
    if (web === undefined) {
      out.push(escapeHtml(m[0]));
      continue;
    }
    if (closing) {
      // Only the innermost open tag may close; a stray closer is dropped.
      if (open.at(-1) === web) out.push(`</${open.pop()!}>`);
      continue;
    }
    if (web === "a") {
      const href = safeHref(decodeHTML(/href\s*=\s*"([^"]*)"/i.exec(m[3] ?? "")?.[1] ?? ""));
      out.push(href ? `<a href="${escapeHtml(href)}" rel="noreferrer noopener">` : "<a>");
    } else {
      out.push(`<${web}>`);
    }
    open.push(web);
  }
  out.push(text(html.slice(last)));
  while (open.length > 0) out.push(`</${open.pop()!}>`);
  return out.join("");
}
