import type { CardPreview } from "../../pipeline/index.js";
import { escapeHtml as e } from "./escape-html.js";
import { renderCardView, type CardRenderers } from "./render-card-view.js";
import { renderPage } from "./render-page.js";
import type { PageLinks } from "./render-status-page.js";

/** The preview form, and below it the cards a URL would make, as each platform shows them. */
export function renderPreviewPage(options: {
  links: PageLinks;
  /** Where the form posts (carries `?token=` when the page was opened with one). */
  action: string;
  url?: string;
  result?: CardPreview;
  renderers?: CardRenderers;
}): string {
  const { result } = options;
  return renderPage(
    "news-digest-bot card preview",
    `<h1>Card preview</h1>
<p>Paste a feed or article URL: it is fetched as a source would be (through the guarded client) and
nothing is stored. A feed shows the cards of its newest items.</p>
<form method="post" action="${e(options.action)}">
<label for="url">URL</label>
<input type="url" id="url" name="url" required placeholder="https://example.com/feed.xml" value="${e(options.url ?? "")}">
<button type="submit">Preview</button>
</form>
${result ? renderResult(result, options.renderers) : ""}`,
    options.links,
  );
}

function renderResult(result: CardPreview, renderers?: CardRenderers): string {
  if (!result.ok) {
    return `<div class="error" role="alert"><p>Could not preview <code>${e(result.url)}</code>: ${e(result.error)}.</p></div>`;
  }
  const what = result.kind === "feed" ? "feed" : "article page";
  const skipped = result.skipped.map((s) => `<li>${e(s.title)}: ${e(s.reason)}</li>`).join("");
  const count = result.cards.length;
  return `<section id="preview-result">
<h2>${count} card${count === 1 ? "" : "s"} from the ${what} ${e(result.title ?? result.url)}</h2>
${skipped ? `<p>Items that made no card:</p><ul>${skipped}</ul>` : ""}
${result.cards.map((card) => renderCardView(card, renderers)).join("\n")}
</section>`;
}
