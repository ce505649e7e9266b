import { ArticleError } from "../../lib/index.js";
import type { Article } from "../../model/index.js";
import { blockParagraphs } from "./block-text.js";
import { cleanParagraphs } from "./clean-paragraphs.js";
import { parseDocument, type DomDocument, type DomElement } from "./dom.js";
import { readHeadline } from "./headline.js";
import { readJsonLd } from "./json-ld.js";
import { jsonLdParagraphs, preferDeclaredBody } from "./json-ld-paragraphs.js";
import { readMetaTags } from "./meta-tags.js";
import { readPublicationDate } from "./publication-date.js";
import { readPublisher } from "./publisher.js";
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
  const publisher = readPublisher(meta, jsonLd);
  const title = readHeadline(document, meta, jsonLd, publisher);
  const date = readPublicationDate(document, meta, jsonLd);
  const page = { url: options.url, headline: title, publisher };
  const read = readBody(document);
  const found = read.body ? cleanParagraphs(blockParagraphs(read.body), page) : [];
  const declared = jsonLd.articleBody
    ? cleanParagraphs(jsonLdParagraphs(jsonLd.articleBody), page)
    : [];
  const text = preferDeclaredBody(found, declared).join("\n\n");
  if (text.length === 0) {
    const error = new ArticleError(options.url, "not an article: no body text", {
      cause: read.cause,
    });
    return { ok: false, error };
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

/** Readability's container with the furniture removed; a throw inside Readability means no body. */
function readBody(document: DomDocument): { body: DomElement | null; cause?: unknown } {
  try {
    const body = readabilityBody(document);
    if (body) removeFurniture(body);
    return { body };
  } catch (cause) {
    return { body: null, cause };
  }
}
