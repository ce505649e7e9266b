import type { DomDocument, DomElement } from "./dom.js";
import { toIsoDate } from "./iso-date.js";
import type { JsonLdArticle } from "./json-ld.js";
import { firstMeta, type MetaTags } from "./meta-tags.js";

const PUBLISHED_META = [
  "article:published_time",
  "og:published_time",
  "datepublished",
  "publishdate",
  "publish-date",
  "pubdate",
  "article.published",
  "parsely-pub-date",
  "sailthru.date",
  "dc.date.issued",
  "dcterms.created",
  "dc.date",
  "date",
  "originalpublicationdate",
] as const;

const MODIFIED_META = ["article:modified_time", "og:updated_time", "datemodified"] as const;

const UPDATED_CONTEXT = /updat|modif|revis|edited/i;

/**
 * The first-publication day: structured data, then meta tags, then `<time>` elements that are not
 * marked as an update; a modification date only when nothing says when the page first appeared.
 */
export function readPublicationDate(
  document: DomDocument,
  meta: MetaTags,
  jsonLd: JsonLdArticle,
): string | null {
  const published = [
    jsonLd.datePublished,
    firstMeta(meta, PUBLISHED_META),
    ...Array.from(document.querySelectorAll("[itemprop=datePublished]")).map(dateAttribute),
    ...publishedTimes(document),
    ...publishedLabels(document),
  ];
  const modified = [
    jsonLd.dateModified,
    firstMeta(meta, MODIFIED_META),
    ...Array.from(document.querySelectorAll("time")).map(dateAttribute),
  ];
  for (const raw of [...published, ...modified]) {
    const day = raw ? toIsoDate(raw) : null;
    if (day) return day;
  }
  return null;
}

function publishedTimes(document: DomDocument): (string | null)[] {
  const times = Array.from(document.querySelectorAll("time"));
  const marked = times.filter((time) => time.hasAttribute("pubdate"));
  const plain = times.filter((time) => !isUpdate(time));
  return [...marked, ...plain].map(dateAttribute);
}

/** Elements classed as the publication date, and short lines reading "Published: <date>". */
function publishedLabels(document: DomDocument): (string | null)[] {
  const classed = Array.from(document.querySelectorAll(PUBLISHED_CLASS)).filter(
    (element) => !isUpdate(element),
  );
  const lines = Array.from(document.querySelectorAll("p, span, li, small")).filter((element) =>
    PUBLISHED_LINE.test((element.textContent ?? "").slice(0, 120)),
  );
  return [...classed, ...lines].map(dateAttribute);
}

const PUBLISHED_CLASS = '[class*="publish"], [class*="post-date"], [class*="pubdate"]';
const PUBLISHED_LINE = /^\s*(?:published|posted|first published)\b[\s:]/i;

function dateAttribute(element: DomElement): string | null {
  return (
    element.getAttribute("datetime") ??
    element.getAttribute("content") ??
    element.getAttribute("value") ??
    element.textContent
  );
}

/** A `<time>` labelled "Updated …" by itself, its classes or its parent line. */
function isUpdate(time: DomElement): boolean {
  const own = `${time.getAttribute("class") ?? ""} ${time.getAttribute("itemprop") ?? ""}`;
  const parent = time.parentElement;
  const parentText = (parent?.textContent ?? "").slice(0, 80);
  const parentClass = parent?.getAttribute("class") ?? "";
  return (
    UPDATED_CONTEXT.test(own) ||
    UPDATED_CONTEXT.test(parentClass) ||
    /^\s*updated/i.test(parentText)
  );
}
