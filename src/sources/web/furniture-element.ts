import type { DomElement } from "./dom.js";

/** Elements that never hold article prose. */
const FURNITURE_TAGS = new Set([
  "aside",
  "header",
  "figcaption",
  "nav",
  "footer",
  "form",
  "button",
  "input",
  "select",
  "label",
  "iframe",
  "noscript",
  "script",
  "style",
  "template",
  "svg",
  "dialog",
]);

/** Class or id words (or word starts) naming page furniture: captions, credits, share bars, promos. */
const FURNITURE_WORD =
  /^(?:caption|credit|byline|author|share|sharing|social|related|recommend|newsletter|signup|subscri|cookie|consent|gdpr|promo|advert|sponsor|outbrain|taboola|breadcrumb|timestamp|dateline|pubdate|comments?|disqus|tags?|topics|toolbar|paywall|modal|popup|overlay|banner|widget|sidebar|rail|teaser|most(?:read|popular)|trending|readmore|read|more|also|see|dont|donot|print|reprint|bio|contributor|copyright|disclaimer|image|img|photo|picture|gallery|media|embed|video|player|slideshow|lightbox)$/;

const MODIFIER = /^(?:has|with|no|without|show|hide|allow|enable|disable)$/;

/** Rows and cells carry data ("player-2020" rows of a standings table), whatever their class. */
const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr", "td", "th"]);

/** Furniture by tag, by ARIA role, or by a furniture word in its class or id with no body word. */
export function isFurnitureElement(element: DomElement): boolean {
  const tag = element.localName;
  if (FURNITURE_TAGS.has(tag)) return true;
  const role = element.getAttribute("role") ?? "";
  if (/^(?:complementary|navigation|banner|contentinfo|dialog|alertdialog)$/.test(role))
    return true;
  if (element.getAttribute("aria-hidden") === "true" || element.hasAttribute("hidden")) return true;
  if (TABLE_PARTS.has(tag)) return false;
  // "has-image" or "with-caption" describe an element that holds one; they do not make it one.
  return classWords(element).some(
    (word, i, words) => FURNITURE_WORD.test(word) && !MODIFIER.test(words[i - 1] ?? ""),
  );
}

/** "newsCaption share-bar" -> ["news", "caption", "share", "bar"]. */
export function classWords(element: DomElement): string[] {
  const raw = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
  return raw
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}
