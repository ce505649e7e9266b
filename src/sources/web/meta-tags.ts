import type { DomDocument } from "./dom.js";

/** `<meta>` contents keyed by lower-cased name, property or itemprop; the first tag of a key wins. */
export type MetaTags = ReadonlyMap<string, string>;

export function readMetaTags(document: DomDocument): MetaTags {
  const tags = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll("meta"))) {
    const content = (meta.getAttribute("content") ?? "").replace(/\s+/g, " ").trim();
    if (!content) continue;
    for (const attr of ["property", "name", "itemprop"]) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

/** The first present key, in the order given. */
export function firstMeta(tags: MetaTags, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key);
    if (value) return value;
  }
  return null;
}
