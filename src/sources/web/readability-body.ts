import { Readability } from "@mozilla/readability";
import type { DomDocument, DomElement } from "./dom.js";

/** Readability's choice of the article's container, or null when it finds none. Mutates the document. */
export function readabilityBody(document: DomDocument): DomElement | null {
  if (!document.documentElement || !document.body) return null;
  const reader = new Readability<DomElement>(document as never, {
    keepClasses: true,
    serializer: (node) => node as unknown as DomElement,
  });
  return reader.parse()?.content ?? null;
}
