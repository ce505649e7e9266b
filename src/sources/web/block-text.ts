import { isElement, TEXT_NODE, type DomElement, type DomNode } from "./dom.js";

/** One block of text, with how much of it is link text (related-story lists are all links). */
export interface Paragraph {
  text: string;
  linkShare: number;
  heading: boolean;
  /** The `href` of each link in it, as written. */
  links: string[];
}

const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tbody",
  "thead",
  "tr",
  "ul",
  "br",
]);

const HEADING = /^h[1-6]$/;

/** Table cells share their row's line, a space apart. */
const CELL = new Set(["td", "th"]);

const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "button",
  "select",
  "textarea",
]);

/** The element's text as paragraphs: one per block element, whitespace collapsed, empty ones gone. */
export function blockParagraphs(root: DomElement): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let text = "";
  let linkText = "";
  let heading = false;
  let links: string[] = [];
  const flush = (): void => {
    const clean = collapse(text);
    if (clean) {
      const share = Math.min(1, collapse(linkText).length / clean.length);
      paragraphs.push({ text: clean, linkShare: share, heading, links });
    }
    text = "";
    linkText = "";
    heading = false;
    links = [];
  };
  const walk = (node: DomNode, inLink: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      text += node.textContent ?? "";
      if (inLink) linkText += node.textContent ?? "";
      return;
    }
    if (!isElement(node) || SKIP.has(node.localName)) return;
    const block = BLOCK.has(node.localName);
    if (block) flush();
    else if (CELL.has(node.localName)) text += " ";
    if (HEADING.test(node.localName)) heading = true;
    const href = node.localName === "a" ? node.getAttribute("href") : null;
    if (href) links.push(href);
    const link = inLink || node.localName === "a";
    for (const child of Array.from(node.childNodes)) walk(child, link);
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paragraphs;
}

function collapse(text: string): string {
  return text.replace(/[\s\u200b\ufeff]+/g, " ").trim();
}
