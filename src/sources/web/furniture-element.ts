import type { DomElement } from "./dom.js";

/** Elements that never hold article prose. */
const FURNITURE_TAGS = new Set([
  "aside",
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
  /^(?:caption|credit|byline|author|share|sharing|social|related|recommend|newsletter|signup|subscri|cookie|consent|gdpr|promo|advert|sponsor|outbrain|taboola|breadcrumb|timestamp|dateline|pubdate|comments?|disqus|tags?|topics|toolbar|paywall|modal|popup|overlay|banner|widget|sidebar|rail|teaser|most(?:read|popular)|trending|readmore|read|more|also|see|dont|donot|print|reprint|bio|contributor|copyright|disclaimer)$/;

/** Words that make a class look like furniture but also name article bodies ("post-content"). */
const SAFE_WORD = /^(?:content|body|text|article|story|entry|post|main|prose|paragraph)$/;

/** Furniture by tag, by ARIA role, or by a furniture word in its class or id with no body word. */
export function isFurnitureElement(element: DomElement): boolean {
  const tag = element.localName;
  if (FURNITURE_TAGS.has(tag)) return true;
  const role = element.getAttribute("role") ?? "";
  if (/^(?:complementary|navigation|banner|contentinfo|dialog|alertdialog)$/.test(role))
    return true;
  if (element.getAttribute("aria-hidden") === "true" || element.hasAttribute("hidden")) return true;
  const words = classWords(element);
  return (
    words.some((word) => FURNITURE_WORD.test(word)) && !words.some((word) => SAFE_WORD.test(word))
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
