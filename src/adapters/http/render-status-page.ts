import { describeFilter, LEDGER_STATUSES } from "../../model/index.js";
import type { LedgerCounts, SourceRow, StoryCards } from "../../model/index.js";
import { escapeHtml as e, safeHref } from "./escape-html.js";
import { renderCardView, type CardRenderers } from "./render-card-view.js";
import { renderPage } from "./render-page.js";
import type { StatusData, SubscriptionStatus } from "./status-data.js";

export interface PageLinks {
  status: string;
  preview: string;
}

const DEFAULT_LINKS: PageLinks = { status: "/", preview: "/preview" };

/** The read-only status page: every interpolated value goes through `escapeHtml`. */
export function renderStatusPage(
  data: StatusData,
  options: { renderers?: CardRenderers; links?: PageLinks } = {},
): string {
  const cards = data.cards.map((card) => renderCardView(card, options.renderers));
  return renderPage(
    "news-digest-bot status",
    `<h1>news-digest-bot</h1>
<p class="meta">as of ${e(data.generatedAt)} · ${data.totalCards} cards stored</p>
<h2>Deliveries</h2>
${renderCounts(data.ledger)}
<h2>Subscriptions (${data.subscriptions.length})</h2>
${renderSubscriptions(data.subscriptions)}
<h2>Sources (${data.sources.length})</h2>
${renderSources(data.sources)}
<h2>Newest stories</h2>
${renderStories(data.stories)}
<h2>Newest cards</h2>
${cards.length === 0 ? "<p>No cards yet.</p>" : cards.join("\n")}`,
    options.links ?? DEFAULT_LINKS,
  );
}

function renderCounts(counts: LedgerCounts): string {
  const head = LEDGER_STATUSES.map((s) => `<th>${s}</th>`).join("");
  const cells = LEDGER_STATUSES.map((s) => `<td>${counts[s]}</td>`).join("");
  return `<table><tr>${head}<th>total</th></tr><tr>${cells}<td>${counts.total}</td></tr></table>`;
}

function renderSubscriptions(rows: readonly SubscriptionStatus[]): string {
  if (rows.length === 0) return "<p>No subscriptions.</p>";
  const body = rows
    .map(({ subscription: s, nextRun }) => {
      const where = `${s.target.platform} ${s.target.chatId}${s.target.threadId ? ` / ${s.target.threadId}` : ""}`;
      const state = s.active ? "active" : "off";
      return `<tr><td>${e(s.id)}</td><td>${e(where)}</td><td><code>${e(s.cron)}</code> ${e(s.timezone)}</td><td>${s.count}</td><td>${e(describeFilter(s))}</td><td>${state}</td><td>${s.consecutiveFailures}</td><td>${e(nextRun ?? "–")}</td></tr>`;
    })
    .join("\n");
  return `<table><tr><th>id</th><th>chat</th><th>schedule</th><th>cards</th><th>filter</th><th>state</th><th>failures</th><th>next run</th></tr>
${body}
</table>`;
}

/** A source's health in words: what an operator acts on. */
function health(source: SourceRow): string {
  const s = source.state;
  if (!source.active) return `<span class="bad">off: ${e(s.lastError ?? "disabled")}</span>`;
  if (source.kind === "dir") return `<span class="good">folder</span>`;
  if (s.failingSince !== null) {
    return `<span class="bad">failing since ${e(s.failingSince)} (${s.failures}×): ${e(s.lastError ?? "unknown error")}</span>`;
  }
  if (s.lastSuccessAt === null) return "not read yet";
  return `<span class="good">ok</span>`;
}

function renderSources(rows: readonly SourceRow[]): string {
  if (rows.length === 0) return "<p>No sources.</p>";
  const body = rows
    .map((s) => {
      const href = safeHref(s.url);
      const name = e(s.title ?? s.url);
      const link = href ? `<a href="${e(href)}" rel="noreferrer">${name}</a>` : name;
      const owner = s.addedBy ? `${s.addedBy.platform} ${s.addedBy.chatId}` : "operator";
      const newest = s.state.newestTitle
        ? `${e(s.state.newestTitle)} (${e(s.state.newestAt ?? "")})`
        : "–";
      return `<tr><td>${e(s.kind)}</td><td>${link}</td><td>${e(owner)}</td><td>${health(s)}</td><td>${e(s.state.lastSuccessAt ?? "–")}</td><td>${e(s.state.nextPollAt ?? "–")}</td><td>${newest}</td></tr>`;
    })
    .join("\n");
  return `<table><tr><th>kind</th><th>source</th><th>added by</th><th>health</th><th>last read</th><th>next poll</th><th>newest item</th></tr>
${body}
</table>`;
}

function renderStories(stories: readonly StoryCards[]): string {
  if (stories.length === 0) return "<p>No stories yet.</p>";
  const items = stories.map((story) => {
    const best = story.cards[0]!;
    const outlets = story.sources.length;
    const disputes = story.disagreements
      .map(
        (d) =>
          `<li>${e(d.label)}: ${d.values.map((v) => `${e(v.value)} (${e(v.publisher)})`).join(" vs ")}</li>`,
      )
      .join("");
    return `<li><a href="#card-${e(best.id)}">${e(story.title)}</a> <span class="meta">${outlets} source${outlets === 1 ? "" : "s"}: ${story.sources.map(e).join(", ")}</span>${disputes ? `<ul>${disputes}</ul>` : ""}</li>`;
  });
  return `<ol>${items.join("\n")}</ol>`;
}
