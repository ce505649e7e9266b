import { describeFilter } from "../../model/index.js";
import type { FactCard, LedgerCounts } from "../../model/index.js";
import { LEDGER_STATUSES } from "../../model/index.js";
import { escapeHtml as e, safeHref } from "./escape-html.js";
import type { StatusData, SubscriptionStatus } from "./status-data.js";

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}article{border-top:1px solid #ddd;padding:.5rem 0}
.meta{color:#666;font-size:.85rem}blockquote{margin:.2rem 0 .4rem 1rem;color:#555;font-size:.85rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}`;

/** The read-only status page: every interpolated value goes through `escapeHtml`. */
export function renderStatusPage(data: StatusData): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>news-digest-bot status</title><style>${STYLE}</style></head>
<body>
<h1>news-digest-bot</h1>
<p class="meta">as of ${e(data.generatedAt)} · ${data.totalCards} cards stored</p>
<h2>Deliveries</h2>
${renderCounts(data.ledger)}
<h2>Subscriptions (${data.subscriptions.length})</h2>
${renderSubscriptions(data.subscriptions)}
<h2>Newest cards</h2>
${data.cards.length === 0 ? "<p>No cards yet.</p>" : data.cards.map(renderCard).join("\n")}
</body></html>
`;
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

function renderCard(card: FactCard): string {
  const href = safeHref(card.url);
  const origin = href
    ? `<a href="${e(href)}" rel="noreferrer">${e(card.source)}</a>`
    : e(card.source);
  const meta = [card.date, card.place, card.publisher].filter((v): v is string => !!v).map(e);
  const facts = card.facts
    .map((f) => `<li>${e(f.text)}<blockquote>${e(f.sentence)}</blockquote></li>`)
    .join("");
  const tags = card.tags.map((t) => `#${e(t)}`).join(" ");
  return `<article id="card-${e(card.id)}">
<h3>${e(card.title)}</h3>
<p class="meta">${[...meta, origin, `id ${e(card.id)}`].join(" · ")}${tags ? ` · ${tags}` : ""}</p>
<p>${e(card.summary)}</p>
<ul>${facts}</ul>
</article>`;
}
