import { escapeHtml, safeHref } from "./escape-html.js";

/** The parts of a Discord embed the status page shows (structurally an `APIEmbed`). */
export interface EmbedView {
  title?: string;
  url?: string;
  description?: string;
  author?: { name: string };
  footer?: { text: string };
  color?: number;
}

/**
 * Discord's markdown as the client shows it, for the subset the renderer writes: `\x` escapes,
 * `**bold**`, `*italic*`, `-# small` lines. Everything else is text, escaped.
 */
export function discordMarkdownToHtml(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => {
      const small = line.startsWith("-# ");
      const html = inline(small ? line.slice(3) : line);
      return small ? `<small>${html}</small>` : html;
    })
    .join("\n");
}

function inline(line: string): string {
  const out: string[] = [];
  const open: string[] = [];
  const toggle = (tag: string) => {
    if (open.at(-1) === tag) out.push(`</${open.pop()!}>`);
    else {
      open.push(tag);
      out.push(`<${tag}>`);
    }
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "\\" && i + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[i + 1]!)) {
      out.push(escapeHtml(line[++i]!));
    } else if (ch === "*" && line[i + 1] === "*") {
      toggle("strong");
      i++;
    } else if (ch === "*") toggle("em");
    else out.push(escapeHtml(ch));
  }
  while (open.length > 0) out.push(`</${open.pop()!}>`);
  return out.join("");
}

/** An embed drawn like Discord's: colour bar, author, linked title, description, footer. */
export function discordEmbedToWeb(embed: EmbedView): string {
  const colour = `#${(embed.color ?? 0x202225).toString(16).padStart(6, "0")}`;
  const href = safeHref(embed.url ?? null);
  const title = embed.title ? discordMarkdownToHtml(embed.title) : "";
  const parts = [
    embed.author ? `<div class="dc-author">${escapeHtml(embed.author.name)}</div>` : "",
    title
      ? `<div class="dc-title">${href ? `<a href="${escapeHtml(href)}" rel="noreferrer noopener">${title}</a>` : title}</div>`
      : "",
    embed.description
      ? `<div class="dc-desc">${discordMarkdownToHtml(embed.description)}</div>`
      : "",
    embed.footer ? `<div class="dc-footer">${escapeHtml(embed.footer.text)}</div>` : "",
  ];
  return `<div class="dc-embed" style="border-left-color:${colour}">${parts.join("")}</div>`;
}
