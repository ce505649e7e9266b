import type { Route } from "./fake-http-server.js";

export interface FeedEntry {
  guid: string;
  title: string;
  /** Plain text; paragraphs become `<p>` in content:encoded. */
  text: string;
  link?: string;
  pubDate?: string;
}

export interface DynamicFeed {
  /** Serve with `server.route("/news.xml", feed.route)`. */
  route: Route;
  /** Newest first, as feeds list them; edit freely between polls. */
  items: FeedEntry[];
  /** While set, the feed answers with this status instead. */
  failWith: number | null;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An RSS 2.0 feed whose items a test changes between polls. */
export function createDynamicFeed(title = "City Wire", items: FeedEntry[] = []): DynamicFeed {
  const feed: DynamicFeed = {
    items,
    failWith: null,
    route: (_req, res) => {
      if (feed.failWith !== null) return void res.writeHead(feed.failWith).end("down");
      const body = feed.items
        .map((item) => {
          const html = item.text
            .split(/\n\s*\n/)
            .map((p) => `<p>${esc(p)}</p>`)
            .join("");
          return `<item><title>${esc(item.title)}</title><guid>${esc(item.guid)}</guid>${
            item.link ? `<link>${esc(item.link)}</link>` : ""
          }<pubDate>${item.pubDate ?? "Tue, 10 Jun 2025 10:00:00 GMT"}</pubDate><description>${esc(
            item.text.slice(0, 80),
          )}</description><content:encoded><![CDATA[${html}]]></content:encoded></item>`;
        })
        .join("");
      res
        .writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" })
        .end(
          `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>https://city.example/</link>${body}</channel></rss>`,
        );
    },
  };
  return feed;
}

/** A news item with enough sentences to make a card. */
export function newsEntry(n: number, extra = ""): FeedEntry {
  return {
    guid: `item-${n}`,
    title: `Council approves plan number ${n} for the river district`,
    text: [
      `The city council approved plan number ${n} for the river district on Tuesday, with 31 votes in favour and 4 against.`,
      `The plan sets aside ${n * 100} million tenge for new bridges and 12 kilometres of embankment.`,
      `Construction of the first bridge is due to start in March and to finish within 18 months.`,
      `The mayor said the district would get ${n + 2} new schools by 2027.${extra}`,
    ].join("\n\n"),
  };
}
