import { z } from "zod";

/** One item of a feed after normalising; what the pipeline stores and turns into an Article. */
export const FeedItem = z.object({
  /** Identity within the feed: guid/id, else link, else title + date. */
  key: z.string().min(1),
  /** Absolute link to the article, or null. */
  url: z.string().nullable(),
  title: z.string().nullable(),
  /** Publication date as the publisher wrote it, `YYYY-MM-DD`, or null. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  /** Publication instant as ISO 8601 UTC, or null. */
  publishedAt: z.string().nullable(),
  /** The item's description/summary as HTML (relative URLs resolved), or null. */
  summaryHtml: z.string().nullable(),
  /** The item's full content as HTML (content:encoded, Atom content, content_html), or null. */
  contentHtml: z.string().nullable(),
  /** Plain text of the content (or of the summary when there is none), paragraphs split by blank lines. */
  contentText: z.string(),
  /** True when the feed gives only a teaser and the linked page holds the article. */
  isTeaser: z.boolean(),
});
export type FeedItem = z.infer<typeof FeedItem>;

export const ParsedFeed = z.object({
  /** The feed's URL: where it was read from, or the subscribed URL when the fetcher followed redirects. */
  url: z.string(),
  title: z.string().nullable(),
  /** The site's home page, absolute, or null. */
  link: z.string().nullable(),
  items: z.array(FeedItem),
});
export type ParsedFeed = z.infer<typeof ParsedFeed>;
