import type { AtomFeed } from "feedsmith";
import { resolveUrl, textToHtml } from "./html-to-text.js";
import type { RawFeed, RawItem } from "./raw-feed.js";

type Links = AtomFeed.Link<string>[] | undefined;

function alternate(links: Links): string | undefined {
  const list = links ?? [];
  return (list.find((l) => !l.rel || l.rel === "alternate") ?? list.find((l) => l.rel !== "self"))
    ?.href;
}

const isHtml = (type: string | undefined) =>
  type === "html" || type === "xhtml" || type === "text/html";

function asHtml(text: { value?: string; type?: string } | undefined): string | undefined {
  if (!text?.value?.trim()) return undefined;
  return isHtml(text.type) ? text.value : textToHtml(text.value);
}

/** Atom 1.0 in the common shape; xml:base on the feed and each entry is honoured. */
export function normalizeAtom(feed: AtomFeed.Feed<string>, url: string): RawFeed {
  const base = resolveUrl(feed.xml?.base, url) ?? url;
  const items = (feed.entries ?? []).map((entry): RawItem => {
    const entryBase = resolveUrl(entry.xml?.base, base) ?? base;
    return {
      id: entry.id?.trim() || undefined,
      link: alternate(entry.links),
      title: entry.title?.value,
      titleIsHtml: isHtml(entry.title?.type),
      date: entry.published ?? entry.updated ?? entry.dc?.dates?.[0],
      summaryHtml: asHtml(entry.summary),
      contentHtml: entry.content?.src ? undefined : asHtml(entry.content),
      base: entryBase,
    };
  });
  return {
    title: feed.title?.value ?? null,
    link: resolveUrl(alternate(feed.links), base),
    base,
    items,
  };
}
