import { z } from "zod";
import type { DomDocument } from "./dom.js";

/** What the page's own structured data says about its article. */
export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  articleBody: string | null;
  place: string | null;
}

const ARTICLE_TYPE = /(?:^|:)(?:\w*Article|BlogPosting|Report|ReportageNews|LiveBlogPosting)$/;

const Named = z.union([
  z.string(),
  z.looseObject({ name: z.unknown().optional() }).transform((o) => o.name),
]);

/** Lenient on purpose: sites write JSON-LD by hand, so every field is optional and typed loosely. */
const ArticleNode = z.looseObject({
  "@type": z.union([z.string(), z.array(z.string())]).optional(),
  headline: z.unknown().optional(),
  name: z.unknown().optional(),
  datePublished: z.unknown().optional(),
  dateCreated: z.unknown().optional(),
  dateModified: z.unknown().optional(),
  publisher: z.unknown().optional(),
  articleBody: z.unknown().optional(),
  contentLocation: z.unknown().optional(),
  locationCreated: z.unknown().optional(),
});
type ArticleNode = z.infer<typeof ArticleNode>;

export const EMPTY_JSON_LD: JsonLdArticle = {
  headline: null,
  datePublished: null,
  dateModified: null,
  publisher: null,
  articleBody: null,
  place: null,
};

export function readJsonLd(document: DomDocument): JsonLdArticle {
  const nodes = Array.from(document.querySelectorAll('script[type="application/ld+json"]'))
    .flatMap((script) => flatten(parseJson(script.textContent ?? "")))
    .map((node) => ArticleNode.safeParse(node))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  const article = nodes.find((node) => types(node).some((t) => ARTICLE_TYPE.test(t)));
  const publisherNode = nodes.find((node) => types(node).includes("Organization"));
  // Some sites date the WebPage node of their graph rather than the article node.
  const dated = text(nodes.find((node) => text(node.datePublished) !== null)?.datePublished);
  if (!article)
    return { ...EMPTY_JSON_LD, datePublished: dated, publisher: text(publisherNode?.name) };
  return {
    headline: text(article.headline) ?? text(article.name),
    datePublished: text(article.datePublished) ?? text(article.dateCreated) ?? dated,
    dateModified: text(article.dateModified),
    publisher: name(article.publisher) ?? text(publisherNode?.name),
    articleBody: body(article.articleBody),
    place: name(article.contentLocation) ?? name(article.locationCreated),
  };
}

function parseJson(source: string): unknown {
  try {
    // Some CMSs leave raw newlines or a trailing semicolon inside the script.
    return JSON.parse(
      source
        .trim()
        .replace(/;$/, "")
        .replace(/[\n\r\t]+/g, " "),
    );
  } catch {
    return null;
  }
}

function flatten(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value && typeof value === "object") {
    const graph = (value as { "@graph"?: unknown })["@graph"];
    return graph ? [value, ...flatten(graph)] : [value];
  }
  return [];
}

function types(node: ArticleNode): string[] {
  const type = node["@type"];
  return type === undefined ? [] : Array.isArray(type) ? type : [type];
}

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value !== "string") return null;
  const trimmed = value.replace(/\s+/g, " ").trim();
  return trimmed === "" ? null : trimmed;
}

function body(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.replace(/[ \t]+/g, " ").trim();
  return trimmed === "" ? null : trimmed;
}

function name(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  const parsed = Named.safeParse(first);
  return parsed.success ? text(parsed.data) : null;
}
