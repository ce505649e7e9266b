import type { FactCard } from "../../model/index.js";
import { discordEmbedToWeb, type EmbedView } from "./discord-embed-to-web.js";
import { escapeHtml as e, safeHref } from "./escape-html.js";
import { telegramHtmlToWeb } from "./telegram-html-to-web.js";

/** The platforms' own renderers, given by the app: the page shows exactly what they post. */
export interface CardRenderers {
  /** One card as Telegram message HTML. */
  telegramHtml(card: FactCard): string;
  /** One card as a Discord embed. */
  discordEmbed(card: FactCard): EmbedView;
}

/** A card with its facts and source sentences, then as each platform shows it. */
export function renderCardView(card: FactCard, renderers?: CardRenderers): string {
  const href = safeHref(card.url);
  const origin = href
    ? `<a href="${e(href)}" rel="noreferrer">${e(card.source)}</a>`
    : e(card.source);
  const meta = [card.date, card.place, card.publisher].filter((v): v is string => !!v).map(e);
  const facts = card.facts
    .map((f) => `<li>${e(f.text)}<blockquote>${e(f.sentence)}</blockquote></li>`)
    .join("");
  const tags = card.tags.map((t) => `#${e(t)}`).join(" ");
  const views = renderers
    ? `<div class="views">
<section><h4>Telegram</h4><div class="tg-msg">${telegramHtmlToWeb(renderers.telegramHtml(card))}</div></section>
<section><h4>Discord</h4>${discordEmbedToWeb(renderers.discordEmbed(card))}</section>
</div>`
    : "";
  return `<article class="card" id="card-${e(card.id)}">
<h3>${e(card.title)}</h3>
<p class="meta">${[...meta, origin, `id ${e(card.id)}`].join(" · ")}${tags ? ` · ${tags}` : ""}</p>
<p>${e(card.summary)}</p>
<h4>Facts and the sentences they come from</h4>
<ul>${facts}</ul>
${views}
</article>`;
}
