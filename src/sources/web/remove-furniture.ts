import type { DomElement } from "./dom.js";
import { isFurnitureElement } from "./furniture-element.js";

/** Share of the container's text above which an element is too big to be furniture. */
const MAX_SHARE = 0.3;

/**
 * Removes furniture elements under `root`, outermost first. An element holding a large share of
 * the text is kept whatever its class says: a mislabelled wrapper must not take the article with it.
 */
export function removeFurniture(root: DomElement): void {
  const total = textLength(root);
  const visit = (element: DomElement): void => {
    for (const child of Array.from(element.children)) {
      if (isFurnitureElement(child) && textLength(child) <= Math.max(200, total * MAX_SHARE)) {
        child.remove();
      } else {
        visit(child);
      }
    }
  };
  visit(root);
}

function textLength(element: DomElement): number {
  return (element.textContent ?? "").replace(/\s+/g, " ").trim().length;
}
