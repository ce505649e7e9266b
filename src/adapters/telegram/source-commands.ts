import { Composer, type Context } from "grammy";
import type { BotBackend } from "../../delivery/index.js";
import { describeSourceState, type SourceView } from "../../delivery/index.js";
import { canManageChat } from "./check-permission.js";
import { escapeHtml } from "./escape-html.js";
import { replyHtml } from "./reply-html.js";

const chatOf = (ctx: Context) => ({ platform: "telegram" as const, chatId: String(ctx.chat?.id) });

function sourceLine(view: SourceView): string {
  const name = escapeHtml(view.title ?? view.url);
  return `${view.n}. <b>${name}</b> (${view.kind}) — ${escapeHtml(describeSourceState(view))}\n<code>${escapeHtml(view.url)}</code>`;
}

/** /sources, /addsource URL, /removesource N|URL; in groups only admins change the list. */
export function sourceCommands(backend: BotBackend): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command("sources", async (ctx) => {
    const { own, sources } = await backend.sources(chatOf(ctx));
    if (sources.length === 0) {
      return void (await replyHtml(ctx, "No sources yet. Add one with /addsource URL"));
    }
    const head = own
      ? "<b>This chat's sources</b>"
      : "<b>Default sources</b> (this chat has none of its own; /addsource URL adds one)";
    await replyHtml(ctx, [head, ...sources.map(sourceLine)].join("\n\n"));
  });

  composer.command("addsource", async (ctx) => {
    const url = ctx.match.trim();
    if (!url || /\s/.test(url)) {
      return void (await replyHtml(
        ctx,
        "Usage: /addsource URL, e.g. /addsource https://example.com/rss",
      ));
    }
    const permission = await canManageChat(ctx);
    if (!permission.ok) return void (await replyHtml(ctx, permission.reason));
    const result = await backend.addSource(chatOf(ctx), url);
    if (!result.ok)
      return void (await replyHtml(ctx, escapeHtml(`Can't add that source: ${result.error}.`)));
    const lead = result.alreadyAdded ? "Already a source of this chat" : "Added";
    const note = result.firstOwn
      ? "\nFrom now on this chat's digests come from its own sources; its current items count as already seen."
      : "";
    await replyHtml(ctx, `${lead}: ${sourceLine(result.source)}${note}`);
  });

  composer.command("removesource", async (ctx) => {
    const which = ctx.match.trim();
    if (!which) return void (await replyHtml(ctx, "Usage: /removesource N or URL (see /sources)"));
    const permission = await canManageChat(ctx);
    if (!permission.ok) return void (await replyHtml(ctx, permission.reason));
    const result = await backend.removeSource(chatOf(ctx), which);
    if (!result.ok)
      return void (await replyHtml(ctx, escapeHtml(`Can't remove: ${result.error}.`)));
    await replyHtml(
      ctx,
      `Removed: <b>${escapeHtml(result.removed.title ?? result.removed.url)}</b>`,
    );
  });

  return composer;
}

/** Menu entries (setMyCommands) for the source commands. */
export const SOURCE_BOT_COMMANDS = [
  { command: "sources", description: "This chat's news sources and their state" },
  { command: "addsource", description: "Add a feed, a site with a feed, or an article page" },
  { command: "removesource", description: "Remove a source by number or URL" },
];

export const SOURCE_HELP_LINES = [
  "/sources — where this chat's cards come from, with each source's state.",
  "/addsource URL — add a feed, a site that links its feed, or one article page. Its current items count as already seen. Example: <code>/addsource https://example.com/rss</code>",
  "/removesource N|URL — remove a source (N from /sources). In groups only admins change sources.",
];
