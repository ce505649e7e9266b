const XML_FEED_ROOT =
  /^(?:<\?xml[^>]*\?>|<!--[\s\S]*?-->|<\?[^>]*\?>|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|\s)*<(?:rss|feed|rdf:RDF)\b/i;

/** True when the text is a feed by content (RSS, Atom, RDF or JSON Feed), whatever its file name says. */
export function sniffFeed(text: string): boolean {
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("{")) {
    try {
      const version = (JSON.parse(head) as { version?: unknown }).version;
      return typeof version === "string" && version.includes("jsonfeed.org/version/");
    } catch {
      return false;
    }
  }
  return XML_FEED_ROOT.test(head.slice(0, 4096));
}
