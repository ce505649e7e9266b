import { ArticleError } from "../lib/index.js";
import type { Article } from "../model/index.js";
import { htmlToText } from "../sources/index.js";

export type PageExtractResult = { ok: true; article: Article } | { ok: false; error: ArticleError };

/** Web page -> article; `extractArticle` of `sources/web` fits (or a loader of it), a simpler one stands in meanwhile. */
export type PageExtractor = (
  html: string,
  options: { url: string; sourceId: string },
) => PageExtractResult | Promise<PageExtractResult>;

const firstMatch = (re: RegExp, html: string) => {
  const found = re.exec(html)?.[1];
  return found === undefined ? null : htmlToText(found).replace(/\s+/g, " ").trim() || null;
};

/** The page's `<article>` (else `<main>`, else `<body>`) as text; the `<h1>` or `<title>` as headline. */
export const basicPageExtractor: PageExtractor = (html, { url, sourceId }) => {
  const body =
    /<article\b[^>]*>([\s\S]*?)<\/article>/i.exec(html)?.[1] ??
    /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1] ??
    /<body\b[^>]*>([\s\S]*?)<\/body>/i.exec(html)?.[1] ??
    html;
  const title =
    firstMatch(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i, html) ??
    firstMatch(/<title\b[^>]*>([\s\S]*?)<\/title>/i, html);
  const text = htmlToText(body);
  if (text.length === 0) return { ok: false, error: new ArticleError(url, "no text on the page") };
  return {
    ok: true,
    article: {
      sourceId,
      key: url,
      source: url,
      feed: null,
      url,
      title,
      date: null,
      place: null,
      publisher: null,
      text,
    },
  };
};
