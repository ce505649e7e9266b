import type { JsonLdArticle } from "./json-ld.js";
import { firstMeta, type MetaTags } from "./meta-tags.js";

/**
 * The site's name from og:site_name, JSON-LD publisher or application-name; a social handle
 * ("@politifact") is not a name, and a list ("Autoracing | F1 | Indy") names the site first.
 */
export function readPublisher(meta: MetaTags, jsonLd: JsonLdArticle): string | null {
  const candidates = [
    firstMeta(meta, ["og:site_name"]),
    jsonLd.publisher,
    firstMeta(meta, ["application-name"]),
  ];
  for (const candidate of candidates) {
    const name = candidate?.split(/\s+[|·•]\s+/)[0]?.trim();
    if (name && !name.startsWith("@") && !/^https?:/i.test(name)) return name;
  }
  return null;
}
