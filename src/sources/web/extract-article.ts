import { ArticleError } from "../../lib/errors.js";
import type { Article } from "../../model/index.js";
import { blockParagraphs } from "./block-text.js";
import { cleanParagraphs } from "./clean-paragraphs.js";
import { parseDocument, type DomDocument, type DomElement } from "./dom.js";
import { readHeadline } from "./headline.js";
import { readJsonLd } from "./json-ld.js";
import { firstMeta, readMetaTags } from "./meta-tags.js";
import { readPublicationDate } from "./publication-date.js";
import { readabilityBody } from "./readability-body.js";
import { removeFurniture } from "./remove-furniture.js";

export interface ExtractOptions {
  /** The page's address: the article's `key`, `source` and `url`. */
  url: string;
  /** The source the page came through, e.g. `page:<url>` or `feed:<url>`. */
  sourceId: string;
}

export type ExtractResult = { ok: true; article: Article } | { ok: false; error: ArticleError };

/** Turns a saved web page into an Article; a page without article text is an error value, not a throw. */
export function extractArticle(html: string, options: ExtractOptions): ExtractResult {
  const document = parseDocument(html);
  const meta = readMetaTags(document);
  const jsonLd = readJsonLd(document);
  const publisher =
    firstMeta(meta, ["og:site_name"]) ?? jsonLd.publisher ?? firstMeta(meta, ["application-name"]);
  const title = readHeadline(document, meta, jsonLd, publisher);
  const date = readPublicationDate(document, meta, jsonLd);
  const body = readBody(document, options.url);
  if (body instanceof ArticleError) return { ok: false, error: body };
  const text = body
    ? cleanParagraphs(blockParagraphs(body), { url: options.url, headline: title, publisher }).join(
        "\n\n",
      )
    : "";
  if (text.length === 0) {
    return { ok: false, error: new ArticleError(options.url, "not an article: no body text") };
  }
  return {
    ok: true,
    article: {
      sourceId: options.sourceId,
      key: options.url,
      source: options.url,
      feed: null,
      url: options.url,
      title,
      date,
      place: jsonLd.place,
      publisher,
      text,
    },
  };
}

/** Readability's container with the furniture removed; Readability's own throws become a value. */
function readBody(document: DomDocument, url: string): DomElement | null | ArticleError {
  try {
    const body = readabilityBody(document);
    if (body) removeFurniture(body);
    return body;
  } catch (cause) {
    return new ArticleError(url, "not an article: the page could not be read", { cause });
  }
}
